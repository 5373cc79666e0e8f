"""Background work through django-tasks (settings.TASKS, chosen by TASKS_BACKEND).

With the immediate backend (dev, tests) a task runs in the process that enqueues it; with the
database backend it is a row of django_tasks_db's DBTaskResult that `manage.py db_worker` runs.

`enqueue_after_commit` is how the rest of the code enqueues work caused by a change: the task
runs only if the change is committed. With the database backend the task row is written inside
the caller's transaction, so it commits (or rolls back) atomically with the change and a crash
right after the commit cannot lose it. With the immediate backend the task must wait for the
commit instead, or it would act on a change that may still roll back.

E-mails: `send_email` carries one message to one recipient. The worker tries it up to three
times, a few seconds apart; if it still fails, the task ends FAILED, django-tasks logs the
traceback and the row keeps the message. An operator re-sends the failed ones once the mail
server is back, from `python manage.py shell`:

    from django_tasks_db.models import DBTaskResult
    for row in DBTaskResult.objects.failed().filter(task_path="pomyslowice.core.tasks.send_email"):
        row.task.enqueue(*row.task_result.args, **row.task_result.kwargs)
        row.delete()
"""

import base64
import logging
import time

from django.core.mail import EmailMessage
from django.db import transaction
from django_tasks import task, task_backends
from django_tasks.base import Task
from django_tasks_db import DatabaseBackend

logger = logging.getLogger(__name__)

# Seconds to wait before the second and the third attempt of an e-mail in the worker.
EMAIL_RETRY_DELAYS = (2, 10)


def uses_database_backend() -> bool:
    return isinstance(task_backends["default"], DatabaseBackend)


def enqueue_after_commit(task_to_run: Task, **kwargs) -> None:
    """Run `task_to_run(**kwargs)` in the background once the current transaction commits."""
    if uses_database_backend():
        task_to_run.enqueue(**kwargs)
    else:
        # robust: the change is saved either way; a failing task must not turn it into a 500.
        transaction.on_commit(lambda: task_to_run.enqueue(**kwargs), robust=True)


def email_arguments(
    *,
    subject: str,
    body: str,
    to: str,
    reply_to: list[str],
    attachments: list[tuple[str, str | bytes, str]],
) -> dict:
    """The keyword arguments of `send_email` for this message, all JSON-serialisable."""
    return {
        "subject": subject,
        "body": body,
        "to": to,
        "reply_to": reply_to,
        "attachments": [
            [filename, base64.b64encode(_as_bytes(content)).decode("ascii"), mimetype]
            for filename, content, mimetype in attachments
        ],
        # A request waiting for its immediate task must not sleep between attempts.
        "attempts": 1 + len(EMAIL_RETRY_DELAYS) if uses_database_backend() else 1,
    }


@task()
def send_email(
    *,
    subject: str,
    body: str,
    to: str,
    reply_to: list[str],
    attachments: list[list[str]],
    attempts: int = 1,
) -> None:
    """Send one message; `attachments` are [filename, base64 content, MIME type]."""
    message = EmailMessage(
        subject=subject,
        body=body,
        to=[to],
        reply_to=reply_to,
        attachments=[
            (filename, base64.b64decode(content), mimetype)
            for filename, content, mimetype in attachments
        ],
    )
    for delay in EMAIL_RETRY_DELAYS[: attempts - 1]:
        try:
            message.send()
        except Exception:
            logger.warning("Sending an e-mail failed; trying again in %s s", delay, exc_info=True)
            time.sleep(delay)
        else:
            return
    message.send()


def _as_bytes(content: str | bytes) -> bytes:
    return content.encode() if isinstance(content, str) else content
