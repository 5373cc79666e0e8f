"""Every persona on every consulting page; nobody sees another person's appointment."""

import datetime
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from pomyslowice.centre import consulting_services as services
from pomyslowice.centre.consulting_forms import slot_value
from pomyslowice.centre.consulting_slots import Slot
from pomyslowice.centre.consulting_views import mine_appointments
from pomyslowice.centre.models import Appointment, AvailabilityException, Consultant
from pomyslowice.organizations.models import SupportRecord
from tests.centre.consulting.conftest import at, book, make_past
from tests.conftest import PERSONAS, create_user

Status = Appointment.Status
NOTE = "Notatka tylko dla personelu"
SEES_APPOINTMENT = {"representative", "coordinator", "ngo_caretaker"}
SEES_NOTES = {"coordinator", "ngo_caretaker"}
MANAGES = {"coordinator"}


def url(name, *args, **kwargs):
    return reverse(f"centre:{name}", args=args, kwargs=kwargs)


def en(name, *args) -> str:
    """The English page, for assertions on UI text before the translations exist."""
    with translation.override("en"):
        return url(name, *args)


@pytest.fixture
def appointment(users, legal_advice, consultant, monday, organization):
    appointment = book(
        legal_advice,
        consultant,
        at(monday, 11),
        user=users["representative"],
        organization=organization,
        question="Jak napisać statut?",
    )
    Appointment.objects.filter(pk=appointment.pk).update(staff_notes=NOTE)
    appointment.refresh_from_db()
    return appointment


def slot_of(consultant, start):
    return slot_value(Slot(consultant, start, start))


@pytest.mark.parametrize("persona", PERSONAS)
def test_public_pages_for_everyone(
    client_for, persona, first_contact, legal_advice, consultant, monday
):
    client = client_for(persona)
    page = client.get(en("consulting-services"))
    assert page.status_code == 200
    assert b"Porada pierwszego kontaktu" in page.content and b"Dorota Doradczyni" in page.content

    week = client.get(en("consulting-service", first_contact.slug), {"tydzien": monday})
    assert week.status_code == 200
    assert slot_of(consultant, at(monday, 11)).encode() in week.content

    form = client.get(
        en("consulting-book", first_contact.slug),
        {"slot": slot_of(consultant, at(monday, 11))},
    )
    assert form.status_code == 200
    assert b'name="question"' in form.content


def test_week_navigation_and_bad_weeks(client, first_contact, monday):
    page = client.get(url("consulting-service", first_contact.slug), {"tydzien": "nonsense"})
    assert page.status_code == 200
    assert b"tydzien=" in page.content
    for week in ("2000-01-03", "9999-12-31", "0001-01-01"):
        assert (
            client.get(url("consulting-service", first_contact.slug), {"tydzien": week}).status_code
            == 200
        )
    assert client.get(url("consulting-service", "nie-ma-takiej")).status_code == 404


def test_the_picker_opens_on_the_week_of_the_first_free_slot(client, first_contact, consultant):
    today = timezone.localdate()
    days = (today + datetime.timedelta(days=offset) for offset in range(15))
    closed_mondays = [day for day in days if day.weekday() == 0][:2]
    for day in closed_mondays:
        AvailabilityException.objects.create(
            consultant=consultant, date=day, kind=AvailabilityException.Kind.UNAVAILABLE
        )

    page = client.get(url("consulting-service", first_contact.slug))

    assert page.context["monday"] == closed_mondays[-1] + datetime.timedelta(weeks=1)
    assert page.context["days"]


@pytest.mark.parametrize(
    "slot",
    [
        "",
        "x",
        "1|nonsense",
        "999|2030-01-07T11:00:00+01:00",
        "1|2030-01-07T11:00:00",
        "1|2020-01-06T11:00:00+01:00",
        "1|2030-01-07T11:10:00+01:00",
    ],
)
def test_a_bad_slot_sends_back_to_the_picker(client, first_contact, consultant, slot):
    response = client.get(url("consulting-book", first_contact.slug), {"slot": slot})
    assert response.status_code == 302
    assert response["Location"].endswith(url("consulting-service", first_contact.slug))


def test_a_guest_books_confirms_and_cancels(
    client, first_contact, consultant, monday, django_capture_on_commit_callbacks
):
    slot = slot_of(consultant, at(monday, 11))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("consulting-book", first_contact.slug),
            {
                "slot": slot,
                "name": "Grażyna Gość",
                "email": "grazyna@example.org",
                "question": "Jak?",
            },
        )
    assert response.status_code == 302
    appointment = Appointment.objects.get()
    assert appointment.status == Status.UNCONFIRMED
    confirm = re.search(r"https?://[^/]+(/\S*potwierdz/\S+/)", mail.outbox[0].body).group(1)
    assert client.get(confirm).status_code == 200
    assert Appointment.objects.get().status == Status.UNCONFIRMED  # opening does not confirm
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(confirm)
    # The token carries its time of signing, so it is read from the redirect, not made again.
    token = re.search(r"/([^/]+)/$", response["Location"]).group(1)
    assert response["Location"].endswith(url("consulting-manage", token))
    assert services.appointment_from_token(token) == appointment
    assert Appointment.objects.get().status == Status.BOOKED
    page = client.get(url("consulting-manage", token))
    assert page.status_code == 200 and NOTE.encode() not in page.content
    client.post(url("consulting-manage-cancel", token), {"reason": "Nie dam rady"})
    assert Appointment.objects.get().status == Status.CANCELLED


def test_bad_links_are_a_clear_400(client):
    for name in ("consulting-confirm", "consulting-manage"):
        assert client.get(url(name, "forged")).status_code == 400
    assert client.post(url("consulting-manage-cancel", "forged")).status_code == 400


def test_a_taken_slot_sends_back_with_a_message(client, first_contact, consultant, monday):
    book(first_contact, consultant, at(monday, 11), email="first@example.org")
    response = client.post(
        url("consulting-book", first_contact.slug),
        {
            "slot": slot_of(consultant, at(monday, 11)),
            "name": "B",
            "email": "b@example.org",
            "question": "?",
        },
    )
    assert response.status_code == 302
    assert Appointment.objects.count() == 1


def test_bad_form_input_is_a_400_with_errors(client, legal_advice, consultant, monday):
    response = client.post(
        en("consulting-book", legal_advice.slug),
        {"slot": slot_of(consultant, at(monday, 11)), "name": "", "email": "zły", "question": ""},
    )
    assert response.status_code == 400
    assert "Specialist consulting is for organisations" in response.text
    assert not Appointment.objects.exists()


def test_a_representative_books_for_their_organisation_only(
    client_for, legal_advice, consultant, monday, organization, other_organization
):
    client = client_for("representative")
    page = client.get(
        url("consulting-book", legal_advice.slug), {"slot": slot_of(consultant, at(monday, 11))}
    )
    assert organization.name.encode() in page.content
    assert other_organization.name.encode() not in page.content
    data = {"slot": slot_of(consultant, at(monday, 11)), "name": "P", "question": "Statut"}
    forged = client.post(
        url("consulting-book", legal_advice.slug), {**data, "organization": other_organization.pk}
    )
    assert forged.status_code == 400
    response = client.post(
        url("consulting-book", legal_advice.slug), {**data, "organization": organization.pk}
    )
    appointment = Appointment.objects.get()
    assert response["Location"].endswith(url("consulting-appointment", appointment.pk))
    assert appointment.status == Status.BOOKED and appointment.organization == organization


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_appointment_page_per_persona(client_for, persona, appointment):
    response = client_for(persona).get(url("consulting-appointment", appointment.pk))
    if persona == "anonymous":
        assert response.status_code == 302
        return
    expected = 200 if persona in SEES_APPOINTMENT else 404
    assert response.status_code == expected
    if expected == 200:
        assert (NOTE.encode() in response.content) == (persona in SEES_NOTES)


def test_the_consultant_sees_notes_and_a_forged_id_is_404(client, consultant, appointment):
    client.force_login(consultant.user)
    assert NOTE.encode() in client.get(url("consulting-appointment", appointment.pk)).content
    assert client.get(url("consulting-appointment", appointment.pk + 999)).status_code == 404


@pytest.mark.parametrize("persona", PERSONAS)
def test_cancelling_per_persona(client_for, persona, appointment):
    response = client_for(persona).post(url("consulting-cancel", appointment.pk))
    appointment.refresh_from_db()
    if persona in {"representative", "coordinator"}:
        assert response.status_code == 302
        assert appointment.status == Status.CANCELLED
    else:
        assert (
            response.status_code in (302, 404)
            if persona == "anonymous"
            else response.status_code == 404
        )
        assert appointment.status == Status.BOOKED


def test_cancelling_needs_post(client_for, appointment):
    assert (
        client_for("representative").get(url("consulting-cancel", appointment.pk)).status_code
        == 405
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_rescheduling_per_persona(client_for, persona, appointment, consultant, monday):
    client = client_for(persona)
    page = client.get(url("consulting-reschedule", appointment.pk), {"tydzien": monday})
    new_slot = slot_of(consultant, at(monday, 14))
    if persona in {"representative", "coordinator"}:
        assert page.status_code == 200 and new_slot.encode() in page.content
        response = client.post(url("consulting-reschedule", appointment.pk), {"slot": new_slot})
        moved = Appointment.objects.get(rescheduled_from=appointment)
        assert response["Location"].endswith(url("consulting-appointment", moved.pk))
        assert moved.start == at(monday, 14)
    else:
        assert page.status_code == (302 if persona == "anonymous" else 404)
        client.post(url("consulting-reschedule", appointment.pk), {"slot": new_slot})
        assert not Appointment.objects.filter(rescheduled_from=appointment).exists()


def test_rescheduling_to_another_consultant_is_refused(client_for, appointment, monday):
    client = client_for("representative")
    client.post(
        url("consulting-reschedule", appointment.pk), {"slot": f"999|{at(monday, 14).isoformat()}"}
    )
    appointment.refresh_from_db()
    assert appointment.status == Status.BOOKED


def test_a_guest_reschedules_through_the_link(client, first_contact, consultant, monday):
    appointment = book(first_contact, consultant, at(monday, 11))
    services.confirm_appointment(appointment=appointment)
    token = services.make_token(appointment)
    assert client.get(url("consulting-manage-reschedule", token)).status_code == 200
    response = client.post(
        url("consulting-manage-reschedule", token), {"slot": slot_of(consultant, at(monday, 12))}
    )
    moved = Appointment.objects.get(rescheduled_from=appointment)
    assert response["Location"].endswith(url("consulting-manage", services.make_token(moved)))


@pytest.mark.parametrize("persona", PERSONAS)
def test_recording_the_outcome_per_persona(client_for, persona, appointment, organization):
    make_past(appointment)
    client = client_for(persona)
    page = client.get(url("consulting-outcome", appointment.pk))
    data = {
        "held": "1",
        "topics": "Statut",
        "staff_notes": "Ok",
        "follow_up": "",
        "follow_up_date": "",
    }
    response = client.post(url("consulting-outcome", appointment.pk), data)
    appointment.refresh_from_db()
    if persona in MANAGES:
        assert page.status_code == 200 and response.status_code == 302
        assert appointment.status == Status.HELD
        assert SupportRecord.objects.get().organization == organization
    else:
        assert page.status_code == response.status_code == (302 if persona == "anonymous" else 404)
        assert appointment.status == Status.BOOKED
        assert not SupportRecord.objects.exists()


def test_the_consultant_records_the_outcome_and_bad_input_is_400(client, consultant, appointment):
    client.force_login(consultant.user)
    assert (
        client.post(url("consulting-outcome", appointment.pk), {"held": "1"}).status_code == 400
    )  # not yet
    make_past(appointment)
    assert (
        client.post(url("consulting-outcome", appointment.pk), {"held": "maybe"}).status_code == 400
    )
    response = client.post(
        url("consulting-outcome", appointment.pk), {"held": "0", "follow_up_date": ""}
    )
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == Status.NO_SHOW


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_appointment_list_per_persona(client_for, persona, appointment):
    response = client_for(persona).get(url("consulting-appointments"))
    if persona in MANAGES:
        assert response.status_code == 200 and "Gość Testowy".encode() in response.content
    else:
        assert response.status_code == (302 if persona == "anonymous" else 404)


def test_a_consultant_lists_only_their_appointments(
    client, consultant, appointment, legal_advice, monday, django_assert_max_num_queries
):
    other = Consultant.objects.create(
        user=create_user("inny-doradca@example.org"), display_name="Inny"
    )
    legal_advice.consultants.add(other)
    other.rules.create(weekday=0)
    book(legal_advice, other, at(monday, 11), email="zobaczy@example.org", name="Ukryty Klient")
    client.force_login(consultant.user)
    with django_assert_max_num_queries(15):
        page = client.get(url("consulting-appointments"))
    assert "Gość Testowy".encode() in page.content and b"Ukryty Klient" not in page.content
    for hour in (12, 13, 14, 15):
        book(legal_advice, consultant, at(monday, hour), email=f"k{hour}@example.org")
    with django_assert_max_num_queries(15):
        client.get(url("consulting-appointments"))


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_availability_page_per_persona(client_for, persona, consultant):
    response = client_for(persona).get(url("consulting-availability"))
    expected = {"anonymous": 302, "coordinator": 404}.get(persona, 404)
    assert response.status_code == expected
    if persona == "coordinator":
        chosen = client_for(persona).get(
            url("consulting-availability"), {"konsultant": consultant.pk}
        )
        assert chosen.status_code == 200


def test_a_consultant_adds_and_removes_time_off(client, consultant, monday):
    client.force_login(consultant.user)
    assert client.get(url("consulting-availability")).status_code == 200
    bad = client.post(
        url("consulting-availability"),
        {"date": monday, "kind": "extra", "starts_at": "", "ends_at": ""},
    )
    assert bad.status_code == 400
    backwards = client.post(
        url("consulting-availability"),
        {"date": monday, "kind": "unavailable", "starts_at": "14:00", "ends_at": "12:00"},
    )
    assert backwards.status_code == 400
    response = client.post(
        url("consulting-availability"), {"date": monday, "kind": "unavailable", "reason": "Urlop"}
    )
    assert response.status_code == 302
    exception = AvailabilityException.objects.get()
    assert exception.consultant == consultant
    assert client.post(url("consulting-availability-remove", exception.pk)).status_code == 302
    assert not AvailabilityException.objects.exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_nobody_else_removes_a_consultants_time_off(client_for, persona, consultant, monday):
    exception = AvailabilityException.objects.create(
        consultant=consultant, date=monday, kind="unavailable"
    )
    response = client_for(persona).post(url("consulting-availability-remove", exception.pk))
    if persona in MANAGES:
        assert response.status_code == 302
        assert not AvailabilityException.objects.exists()
    else:
        assert response.status_code == (302 if persona == "anonymous" else 404)
        assert AvailabilityException.objects.exists()


def test_the_mine_section_lists_own_appointments(users, consultant, appointment, rf):
    for user, expected in [
        (users["representative"], 1),
        (consultant.user, 1),
        (users["resident"], 0),
    ]:
        items = mine_appointments(user)
        assert len(items) == expected
        request = rf.get("/")
        request.user = user
        html = render_to_string(
            "centre/includes/mine_appointments.html",
            {"appointments": items, "user": user},
            request=request,
        )
        assert ("Doradztwo prawne" in html) == bool(expected)
    assert mine_appointments(AnonymousUser()) == []


def test_the_slot_picker_query_count_is_flat(
    client, first_contact, consultant, monday, django_assert_max_num_queries
):
    def week_page():
        with django_assert_max_num_queries(8):
            response = client.get(
                url("consulting-service", first_contact.slug), {"tydzien": monday}
            )
        assert response.status_code == 200

    week_page()
    for minute in range(0, 6 * 60, 30):
        book(
            first_contact,
            consultant,
            at(monday, 11 + minute // 60, minute % 60),
            email=f"k{minute}@example.org",
        )
    week_page()


def test_confirming_too_late_says_so_and_books_nothing(client, first_contact, consultant, monday):
    appointment = book(first_contact, consultant, at(monday, 11))
    Appointment.objects.filter(pk=appointment.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=3)
    )
    token = services.make_token(appointment)
    response = client.post(en("consulting-confirm", token), follow=True)
    assert "The time to confirm this booking has passed" in response.text
    assert Appointment.objects.get().status == Status.UNCONFIRMED
