"""E-mails as background tasks: sent at the commit (immediate backend) or by the worker
(database backend), and the settings that choose the backend and the file mail backend."""

import base64
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from pomyslowice.core import tasks
from pomyslowice.core.notifications import send_templated_email
from pomyslowice.core.text import ERASED_EMAIL_SUFFIX

ROOT = Path(__file__).resolve().parents[2]
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
ICS = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
PDF = b"%PDF-1.4 \x00\xff binary"


def send_welcome(**extra):
    send_templated_email(
        template="core/email/test_message",
        to=["anna@example.org", "jan@example.org"],
        context={"name": "Anna"},
        **extra,
    )


@pytest.fixture(autouse=True)
def message_templates(tmp_path, settings):
    directory = tmp_path / "core" / "email"
    directory.mkdir(parents=True)
    (directory / "test_message_subject.txt").write_text("Witaj {{ name }}\n")
    (directory / "test_message.txt").write_text("Treść dla {{ name }} z {{ site_name }}.")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = DATABASE_TASKS


@pytest.mark.django_db
def test_immediate_backend_sends_each_recipient_at_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_welcome(
            reply_to=["biuro@example.org"],
            attachments=[("event.ics", ICS, "text/calendar"), ("a.pdf", PDF, "application/pdf")],
        )
        assert mail.outbox == []

    assert [message.to for message in mail.outbox] == [["anna@example.org"], ["jan@example.org"]]
    message = mail.outbox[0]
    assert message.subject == "Witaj Anna"
    assert message.body.startswith("Treść dla Anna")
    assert message.reply_to == ["biuro@example.org"]
    assert message.attachments == [
        ("event.ics", ICS, "text/calendar"),
        ("a.pdf", PDF, "application/pdf"),
    ]
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
def test_nothing_is_sent_when_the_change_rolls_back(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        send_welcome()
        raise RuntimeError

    assert mail.outbox == []


@pytest.mark.django_db
def test_a_mail_server_failure_does_not_break_the_change(django_capture_on_commit_callbacks):
    with (
        mock.patch("django.core.mail.EmailMessage.send", side_effect=ConnectionRefusedError),
        mock.patch("pomyslowice.core.tasks.time.sleep") as sleep,
        django_capture_on_commit_callbacks(execute=True),
    ):
        send_welcome()

    # In a request there is one attempt only: nobody waits for retries.
    sleep.assert_not_called()


# The worker runs its own transactions, as in production.
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("database_tasks")
def test_database_backend_stores_the_task_with_the_change_and_the_worker_sends_it():
    with transaction.atomic():
        send_welcome(attachments=[("a.pdf", PDF, "application/pdf")])
        # Written inside the transaction: it commits or rolls back with the change.
        assert DBTaskResult.objects.count() == 2

    assert mail.outbox == []
    row = DBTaskResult.objects.get(args_kwargs__kwargs__to="anna@example.org")
    assert row.task_path == "pomyslowice.core.tasks.send_email"
    assert row.args_kwargs["kwargs"]["attachments"] == [
        ["a.pdf", base64.b64encode(PDF).decode(), "application/pdf"]
    ]

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    assert sorted(message.to[0] for message in mail.outbox) == [
        "anna@example.org",
        "jan@example.org",
    ]
    assert mail.outbox[0].attachments == [("a.pdf", PDF, "application/pdf")]
    assert DBTaskResult.objects.successful().count() == 2


@pytest.mark.django_db
@pytest.mark.usefixtures("database_tasks")
def test_database_backend_drops_the_task_when_the_change_rolls_back():
    with pytest.raises(RuntimeError), transaction.atomic():
        send_welcome()
        raise RuntimeError

    assert not DBTaskResult.objects.exists()


# The worker runs its own transactions, as in production.
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("database_tasks")
def test_worker_retries_a_failing_mail_server_then_marks_the_task_failed():
    send_welcome()
    real_send = mail.EmailMessage.send
    outcomes = iter([ConnectionRefusedError, None])

    def flaky_send(message, *args, **kwargs):
        if next(outcomes, ConnectionRefusedError) is ConnectionRefusedError:
            raise ConnectionRefusedError
        return real_send(message, *args, **kwargs)

    with (
        mock.patch("django.core.mail.EmailMessage.send", flaky_send),
        mock.patch("pomyslowice.core.tasks.time.sleep") as sleep,
    ):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    # The first message got through on its second attempt; the second never did (3 attempts).
    assert len(mail.outbox) == 1
    assert DBTaskResult.objects.successful().count() == 1
    failed = DBTaskResult.objects.failed().get()
    assert failed.exception_class_path == "builtins.ConnectionRefusedError"
    assert [call.args for call in sleep.call_args_list] == [(2,), (2,), (10,)]


@pytest.mark.django_db
@pytest.mark.usefixtures("database_tasks")
def test_erased_addresses_get_no_task():
    send_templated_email(
        template="core/email/test_message",
        to=[f"x{ERASED_EMAIL_SUFFIX}", "anna@example.org"],
        context={"name": "A"},
    )

    assert DBTaskResult.objects.count() == 1


def settings_value(code: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"TASKS_BACKEND", "EMAIL_URL"}}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            f"import django; django.setup(); from django.conf import settings as s; {code}",
        ],
        cwd=ROOT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "pomyslowice.settings",
            "SECRET_KEY": "x",
            "EMAIL_URL": "locmem://",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("name", "backend"),
    [
        (None, "django_tasks.backends.immediate.ImmediateBackend"),
        ("immediate", "django_tasks.backends.immediate.ImmediateBackend"),
        ("database", "django_tasks_db.DatabaseBackend"),
    ],
)
def test_tasks_backend_comes_from_the_environment(name, backend):
    env = {"TASKS_BACKEND": name} if name else {}

    result = settings_value("print(s.TASKS['default']['BACKEND'])", **env)

    assert result.stdout.strip() == backend, result.stderr


def test_unknown_tasks_backend_is_a_clear_error():
    result = settings_value("print(s.TASKS)", TASKS_BACKEND="celery")

    assert result.returncode != 0
    assert "TASKS_BACKEND 'celery' is not one of ['database', 'immediate']" in result.stderr


def test_file_email_url_writes_each_message_to_that_directory(tmp_path):
    code = (
        "print(s.EMAIL_BACKEND, s.EMAIL_FILE_PATH);"
        "from django.core.mail import send_mail;"
        "send_mail('Temat', 'Treść', None, ['anna@example.org'])"
    )

    result = settings_value(code, EMAIL_URL=f"file://{tmp_path}/poczta")

    assert result.stdout.split() == [
        "django.core.mail.backends.filebased.EmailBackend",
        f"{tmp_path}/poczta",
    ], result.stderr
    [written] = (tmp_path / "poczta").iterdir()
    assert "anna@example.org" in written.read_text()


def test_file_email_url_needs_an_absolute_path():
    result = settings_value("print(s.EMAIL_BACKEND)", EMAIL_URL="file://poczta")

    assert result.returncode != 0
    assert "absolute path" in result.stderr


def test_email_arguments_are_json_and_decode_back():
    arguments = tasks.email_arguments(
        subject="S", body="B", to="a@example.org", reply_to=[], attachments=[("x", PDF, "a/b")]
    )

    assert arguments["attachments"] == [["x", base64.b64encode(PDF).decode(), "a/b"]]
    assert arguments["attempts"] == 1
