"""Volunteer profiles (/wolontariat/profil/): creation with the date of birth and consents, edits
that give and withdraw consents, the tracking code, minors' notices, deletion, /moje/."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from pomyslowice.core.models import AuditLogEntry
from pomyslowice.volunteering import application_services, profile_services
from pomyslowice.volunteering.models import (
    Application,
    Engagement,
    OutreachMeeting,
    ProfileConsent,
    VolunteerProfile,
)
from pomyslowice.volunteering.outreach_services import SOURCE_SESSION_KEY
from pomyslowice.volunteering.profile_views import mine_volunteering
from tests.conftest import PERSONAS

from .conftest import MONDAY_AFTERNOON, make_offer, years_ago

PROFILE_URL = "/wolontariat/profil/"
DELETE_URL = "/wolontariat/profil/usun/"
Purpose = ProfileConsent.Purpose


@pytest.fixture
def mailing(django_capture_on_commit_callbacks):
    """`with mailing():` sends the e-mails queued for after the commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def form_data(skills=(), areas=(), **changes) -> dict:
    data = {
        "birth_date": years_ago(30).isoformat(),
        "about": "Lubię pracę z ludźmi.",
        "languages": "polski, angielski",
        "phone": "600 100 200",
        "experience": "Wolontariat w schronisku.",
        "skills": [skill.pk for skill in skills],
        "areas": [area.pk for area in areas],
        "availability": ["1", "15"],  # Monday afternoon, Saturday morning
        "district": "",
        "travels": "on",
        "profile_consent": "on",
        "show_experience": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


# --- access ------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_profile_page_for_every_persona(client_for, volunteers, persona):
    response = client_for(persona).get(PROFILE_URL)
    if persona == "anonymous":
        assert response.status_code == 302
        assert "/konto/" in response.url or "login" in response.url
    else:
        assert response.status_code == 200


def test_delete_is_post_only(client_for, volunteers):
    assert client_for("volunteer").get(DELETE_URL).status_code == 405


# --- creating ----------------------------------------------------------------------------------


def test_resident_creates_a_profile_with_birth_date_and_consent(
    client_for, users, skills, area, district
):
    resident = users["resident"]
    response = client_for("resident").post(
        PROFILE_URL,
        form_data(skills=[skills["grafika"]], areas=[area], district=str(district.pk), digest="on"),
    )

    assert response.status_code == 302
    profile = VolunteerProfile.objects.get(user=resident)
    resident.refresh_from_db()
    assert resident.birth_date == years_ago(30)
    assert profile.availability == MONDAY_AFTERNOON | (1 << 15)
    assert list(profile.skills.all()) == [skills["grafika"]]
    assert list(profile.areas.all()) == [area]
    assert profile.district == district
    assert profile.digest and not profile.visible_to_hosts
    consents = {consent.purpose: consent for consent in profile.consents.all()}
    assert set(consents) == {Purpose.PROFILE, Purpose.DIGEST}
    assert consents[Purpose.PROFILE].wording == profile_services.consent_wording(Purpose.PROFILE)
    assert consents[Purpose.DIGEST].wording == profile_services.consent_wording(Purpose.DIGEST)
    assert consents[Purpose.PROFILE].withdrawn_at is None
    assert AuditLogEntry.objects.filter(verb="volunteering.profile.created").count() == 1


def test_the_form_shows_the_wording_that_is_stored(client_for, users):
    page = client_for("resident").get(PROFILE_URL).content.decode()
    for purpose in Purpose.values:
        assert profile_services.consent_wording(purpose) in page


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"birth_date": None}, "birth_date"),
        ({"birth_date": ""}, "birth_date"),
        ({"birth_date": "2999-01-01"}, "birth_date"),
        ({"birth_date": "1880-01-01"}, "birth_date"),
        ({"birth_date": "not a date"}, "birth_date"),
        ({"profile_consent": None}, "profile_consent"),
        ({"availability": ["99"]}, "availability"),
        ({"district": "999999"}, "district"),
        ({"phone": "1" * 31}, "phone"),
    ],
)
def test_bad_input_saves_nothing(client_for, users, changes, field):
    response = client_for("resident").post(PROFILE_URL, form_data(**changes))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not VolunteerProfile.objects.exists()
    users["resident"].refresh_from_db()
    assert users["resident"].birth_date is None


def test_a_known_birth_date_is_not_asked_again_nor_changed(client_for, users):
    minor = users["volunteer_minor"]
    born = minor.birth_date
    client = client_for("volunteer_minor")
    assert "birth_date" not in client.get(PROFILE_URL).context["form"].fields

    response = client.post(PROFILE_URL, form_data(birth_date=years_ago(40).isoformat()))

    assert response.status_code == 302
    minor.refresh_from_db()
    assert minor.birth_date == born


def test_the_service_refuses_a_second_profile_and_a_changed_birth_date(volunteers, users):
    user = users["volunteer"]
    with pytest.raises(ValidationError) as error:
        profile_services.create_profile(user=user, profile_consent=True)
    assert error.value.code == "exists"
    with pytest.raises(ValidationError) as error:
        profile_services.update_profile(
            profile=volunteers["volunteer"], by=user, birth_date=datetime.date(1950, 1, 1)
        )
    assert error.value.error_dict["birth_date"][0].code == "birth-date-set"


def test_the_tracking_code_in_the_session_is_stored_with_the_new_profile(client_for, users):
    meeting = OutreachMeeting.objects.create(
        institution="Szkoła Podstawowa nr 3",
        institution_kind=OutreachMeeting.InstitutionKind.SCHOOL,
        held_on=datetime.date(2026, 3, 1),
        audience="klasy 7–8",
        tracking_code="sp3-2026",
    )
    client = client_for("resident")
    session = client.session
    session[SOURCE_SESSION_KEY] = meeting.pk
    session.save()

    assert client.post(PROFILE_URL, form_data()).status_code == 302

    assert VolunteerProfile.objects.get(user=users["resident"]).source_meeting == meeting
    assert SOURCE_SESSION_KEY not in client.session


@pytest.mark.parametrize("stale", [999999, "sp3", None])
def test_a_stale_tracking_code_is_ignored(client_for, users, stale):
    client = client_for("resident")
    session = client.session
    session[SOURCE_SESSION_KEY] = stale
    session.save()

    assert client.post(PROFILE_URL, form_data()).status_code == 302

    assert VolunteerProfile.objects.get(user=users["resident"]).source_meeting is None


# --- minors ------------------------------------------------------------------------------------


def test_minors_see_what_the_law_asks(client_for, users, child, volunteers):
    teen_page = client_for("volunteer_minor").get(PROFILE_URL)
    adult_page = client_for("volunteer").get(PROFILE_URL)
    teen_notice = profile_services.minor_notice(users["volunteer_minor"].birth_date)
    child_notice = profile_services.minor_notice(child.birth_date)

    assert teen_page.context["minor_notice"] == teen_notice
    assert teen_notice in teen_page.content.decode()
    assert adult_page.context["minor_notice"] == ""
    assert teen_notice != child_notice
    assert "13" in child_notice and "18" in teen_notice


@pytest.mark.parametrize(
    "years, days, kind",
    [(12, 364, "child"), (13, 0, "teen"), (17, 364, "teen"), (18, 0, "adult"), (40, 3, "adult")],
)
def test_minor_notice_boundaries(years, days, kind):
    today = datetime.date(2026, 6, 15)
    born = today.replace(year=today.year - years) - datetime.timedelta(days=days)
    notice = profile_services.minor_notice(born, today)
    expected = {
        "child": profile_services.minor_notice(datetime.date(2020, 1, 1), today),
        "teen": profile_services.minor_notice(datetime.date(2010, 1, 1), today),
        "adult": "",
    }[kind]
    assert notice == expected
    assert profile_services.minor_notice(None, today) == ""


# --- editing and consents ----------------------------------------------------------------------


def test_unticking_visibility_withdraws_the_consent_and_ticking_gives_a_new_one(client_for, users):
    client = client_for("resident")
    client.post(PROFILE_URL, form_data(visible_to_hosts="on", show_name="on"))
    profile = VolunteerProfile.objects.get(user=users["resident"])
    assert profile.visible_to_hosts and profile.show_name
    first = profile.consents.get(purpose=Purpose.VISIBLE_TO_HOSTS)

    assert client.post(PROFILE_URL, form_data(birth_date=None)).status_code == 302

    profile.refresh_from_db()
    first.refresh_from_db()
    assert not profile.visible_to_hosts
    assert first.withdrawn_at is not None
    assert profile.consents.get(purpose=Purpose.PROFILE).withdrawn_at is None

    client.post(PROFILE_URL, form_data(birth_date=None, visible_to_hosts="on"))

    profile.refresh_from_db()
    assert profile.visible_to_hosts
    visibility = profile.consents.filter(purpose=Purpose.VISIBLE_TO_HOSTS)
    assert visibility.count() == 2
    assert visibility.filter(withdrawn_at__isnull=True).count() == 1
    page = client.get(PROFILE_URL)
    assert len(page.context["consents"]) == 3


def test_withdraw_consent_switches_the_flag_off(users, client_for):
    client_for("resident").post(PROFILE_URL, form_data(digest="on"))
    profile = VolunteerProfile.objects.get(user=users["resident"])

    profile_services.withdraw_consent(profile=profile, purpose=Purpose.DIGEST, by=users["resident"])

    profile.refresh_from_db()
    assert not profile.digest
    assert profile.consents.get(purpose=Purpose.DIGEST).withdrawn_at is not None
    with pytest.raises(ValidationError) as error:
        profile_services.withdraw_consent(
            profile=profile, purpose=Purpose.PROFILE, by=users["resident"]
        )
    assert error.value.code == "delete-instead"


def test_edit_keeps_what_it_was_given(client_for, volunteers, skills, area):
    profile = volunteers["volunteer"]
    form = client_for("volunteer").get(PROFILE_URL).context["form"]
    assert set(form.initial["skills"]) == set(profile.skills.all())
    assert form.initial["availability"] == profile.availability
    assert "profile_consent" not in form.fields


# --- deleting ----------------------------------------------------------------------------------


def test_delete_profile_withdraws_pending_applications_and_keeps_engagements(
    client_for, users, volunteers, offer, youth_offer, other_offer, mailing, mailoutbox
):
    volunteer = users["volunteer"]
    pending = application_services.apply_for_offer(
        offer=offer, volunteer=volunteer, message="Chętnie pomogę."
    )
    accepted = application_services.apply_for_offer(
        offer=youth_offer, volunteer=volunteer, message="Sprzątam od lat."
    )
    application_services.accept_application(application=accepted, by=users["representative"])
    declined = application_services.apply_for_offer(
        offer=other_offer, volunteer=volunteer, message="Mam czas w soboty."
    )
    application_services.decline_application(
        application=declined, by=users["representative_other_org"], reason="Brak miejsc."
    )
    mailoutbox.clear()

    with mailing():
        response = client_for("volunteer").post(DELETE_URL, {"confirm": "on"})

    assert response.status_code == 302
    assert not VolunteerProfile.objects.filter(user=volunteer).exists()
    assert not ProfileConsent.objects.exists()
    pending.refresh_from_db()
    accepted.refresh_from_db()
    declined.refresh_from_db()
    assert pending.status == Application.Status.WITHDRAWN
    assert accepted.status == Application.Status.ACCEPTED
    assert accepted.message == "Sprzątam od lat."
    assert Engagement.objects.get(application=accepted).status == Engagement.Status.PREPARING
    assert declined.message == ""
    assert [message.to for message in mailoutbox] == [["przedstawiciel@example.org"]]
    assert AuditLogEntry.objects.filter(verb="volunteering.profile.deleted").exists()


def test_delete_needs_the_confirmation(client_for, volunteers):
    response = client_for("volunteer").post(DELETE_URL, {})

    assert response.status_code == 302
    assert VolunteerProfile.objects.filter(pk=volunteers["volunteer"].pk).exists()


def test_delete_without_a_profile_changes_nothing(client_for, users):
    assert client_for("resident").post(DELETE_URL, {"confirm": "on"}).status_code == 302
    assert not AuditLogEntry.objects.filter(verb="volunteering.profile.deleted").exists()


# --- /moje/ ------------------------------------------------------------------------------------


def test_mine_volunteering_for_a_volunteer_and_a_host(users, volunteers, offer, organization):
    application = application_services.apply_for_offer(
        offer=offer, volunteer=users["volunteer"], message="Chętnie."
    )
    closed = make_offer(organization, "Zamknięta oferta")
    application_services.apply_for_offer(
        offer=closed, volunteer=users["volunteer"], message="Też chętnie."
    )
    closed.status = closed.Status.CLOSED
    closed.save()

    mine = mine_volunteering(users["volunteer"])
    host = mine_volunteering(users["representative"])
    nobody = mine_volunteering(users["resident"])

    assert mine["volunteer_profile"] == volunteers["volunteer"]
    assert application in mine["volunteer_applications"]
    assert len(mine["volunteer_applications"]) == 2
    assert not mine["is_volunteer_host"]
    assert host["is_volunteer_host"] and host["host_pending_applications"] == 2
    assert nobody["volunteer_profile"] is None and nobody["volunteer_applications"] == []


def test_mine_include_links_each_side(users, volunteers, offer, django_assert_max_num_queries):
    template = "volunteering/includes/mine_volunteering.html"
    volunteer_html = render_to_string(template, mine_volunteering(users["volunteer"]))
    host_html = render_to_string(template, mine_volunteering(users["representative"]))

    assert _("My volunteer profile") in volunteer_html
    assert "/wolontariat/zgloszenia/" in volunteer_html
    assert "/wolontariat/moje-oferty/" not in volunteer_html
    assert _("Become a volunteer") in host_html
    assert "/wolontariat/moje-oferty/" in host_html
    with django_assert_max_num_queries(5):
        mine_volunteering(users["representative"])
