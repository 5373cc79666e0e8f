"""E-mails are written in the recipient's language, not in the language of whoever acts."""

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from pomyslowice.core.notifications import send_templated_email
from pomyslowice.events import registration_services as services
from pomyslowice.events.models import Event, Registration
from tests.conftest import create_user
from tests.events.conftest import make_event

CONFIRMED = "Your place at %(title)s is confirmed"
PROMOTED = "A seat at %(title)s is now yours"


def subject_in(language: str, msgid: str, title: str) -> str:
    with translation.override(language):
        return gettext(msgid) % {"title": title}


@pytest.fixture
def training(organization):
    return make_event(
        "Szkolenie z RODO",
        category=Event.Category.TRAINING,
        organizer=organization,
        registration_enabled=True,
        capacity=1,
    )


def test_staff_approval_reaches_a_ukrainian_user_in_ukrainian(
    training, users, django_capture_on_commit_callbacks
):
    training.registration_needs_confirmation = True
    training.save()
    person = create_user("oksana@example.org", first_name="Oksana", language="uk")
    with translation.override("pl"):
        registration = services.register(event=training, name="Oksana", email="", user=person)
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            services.approve_registration(registration=registration, by=users["coordinator"])

    [message] = mail.outbox
    assert message.to == ["oksana@example.org"]
    assert message.subject == subject_in("uk", CONFIRMED, training.title)
    assert message.subject != subject_in("pl", CONFIRMED, training.title)


def test_a_guest_who_registered_in_english_is_promoted_in_english(
    training, users, django_capture_on_commit_callbacks
):
    holder = create_user("holder@example.org", first_name="Jan")
    with translation.override("pl"):
        seat = services.register(event=training, name="Jan", email="", user=holder)
    with translation.override("en"):
        guest = services.register(event=training, name="Guest", email="Guest@Example.org")
    assert guest.language == "en"
    with translation.override("pl"):
        services.confirm_guest_registration(registration=guest)
        guest.refresh_from_db()
        assert guest.status == Registration.Status.WAITLISTED
        mail.outbox.clear()
        # Someone else, on a Polish page, cancels and frees the seat.
        with django_capture_on_commit_callbacks(execute=True):
            services.cancel_registration(registration=seat, by=users["coordinator"])

    [message] = mail.outbox
    assert message.to == ["guest@example.org"]
    assert message.subject == subject_in("en", PROMOTED, training.title)


def test_a_registration_stores_only_a_supported_language(training):
    with translation.override("de"):
        guest = services.register(event=training, name="Gast", email="gast@example.org")
    assert guest.language == "pl"


def test_mixed_recipients_each_get_their_own_language(
    db, training, django_capture_on_commit_callbacks, django_assert_num_queries
):
    create_user("uk@example.org", language="uk")
    create_user("en@example.org", language="en")
    create_user("pl@example.org", language="pl")
    recipients = ["UK@example.org", "en@example.org", "pl@example.org", "guest@example.org", ""]
    # One query finds the languages of all recipients, however many there are.
    with (
        translation.override("pl"),
        django_capture_on_commit_callbacks(execute=True),
        django_assert_num_queries(1),
    ):
        send_templated_email(
            template="events/registration/email/confirmed",
            to=recipients,
            context={"event": training, "registration": None, "token": "x"},
            language="en",  # what the guest without an account used
        )

    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects == {
        "UK@example.org": subject_in("uk", CONFIRMED, training.title),
        "en@example.org": subject_in("en", CONFIRMED, training.title),
        "pl@example.org": subject_in("pl", CONFIRMED, training.title),
        "guest@example.org": subject_in("en", CONFIRMED, training.title),
    }
    assert translation.get_language() == "pl"


def test_without_an_account_or_a_language_the_default_applies(
    training, django_capture_on_commit_callbacks
):
    with translation.override("uk"), django_capture_on_commit_callbacks(execute=True):
        send_templated_email(
            template="events/registration/email/confirmed",
            to=["nobody@example.org"],
            context={"event": training, "registration": None, "token": "x"},
        )
    [message] = mail.outbox
    assert message.subject == subject_in("pl", CONFIRMED, training.title)
