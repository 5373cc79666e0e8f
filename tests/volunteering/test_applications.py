"""Applications (/wolontariat/oferty/<slug>/zglos-sie/, /wolontariat/zgloszenia/…): applying
and every refusal, the host's list and decision, withdrawal, e-mails, every persona's access."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from pomyslowice.core.models import AuditLogEntry
from pomyslowice.volunteering import application_services as services
from pomyslowice.volunteering import availability
from pomyslowice.volunteering.models import Application, Engagement, Offer
from pomyslowice.volunteering.profile_services import age_group, minor_notice
from tests.conftest import PERSONAS, create_user

from .conftest import make_offer, make_profile, years_ago

MY_URL = "/wolontariat/zgloszenia/"
HOSTS = {"representative", "coordinator", "volunteer_caretaker"}
STAFF_READERS = {"coordinator", "volunteer_caretaker"}


@pytest.fixture
def mailing(django_capture_on_commit_callbacks):
    """`with mailing():` sends the e-mails queued for after the commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def apply_url(offer) -> str:
    return f"/wolontariat/oferty/{offer.slug}/zglos-sie/"


def list_url(offer) -> str:
    return f"/wolontariat/oferty/{offer.slug}/zgloszenia/"


def detail_url(application, action: str = "") -> str:
    return f"/wolontariat/zgloszenia/{application.pk}/{action}"


def apply(offer, volunteer, message="Chętnie pomogę w soboty.", **extra) -> Application:
    return services.apply_for_offer(offer=offer, volunteer=volunteer, message=message, **extra)


@pytest.fixture
def application(volunteers, users, offer):
    return apply(offer, users["volunteer"])


def error_code(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return next(iter(error.error_dict.values()))[0].code
    return error.code


def refusal(offer, volunteer, **extra) -> str:
    """The code of the error that refuses this application; nothing is saved."""
    before = Application.objects.count()
    with pytest.raises(ValidationError) as error:
        apply(offer, volunteer, **extra)
    assert Application.objects.count() == before
    return error_code(error.value)


# --- applying ----------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_apply_page_by_persona(client_for, volunteers, offer, persona):
    response = client_for(persona).get(apply_url(offer))
    if persona == "anonymous":
        assert response.status_code == 302
    elif persona == "volunteer_minor":
        assert response.status_code == 404  # the adult-only offer is invisible to a 16-year-old
    else:
        assert response.status_code == 200


def test_volunteer_applies_and_the_representatives_are_told(
    client_for, users, volunteers, offer, mailing, mailoutbox
):
    page = client_for("volunteer").get(apply_url(offer)).content.decode()
    assert offer.host.name in page  # the sharing notice names the host

    with mailing():
        response = client_for("volunteer").post(
            apply_url(offer), {"message": "  Znam się na komputerach.  "}
        )

    application = Application.objects.get()
    assert response.status_code == 302
    assert response.url == detail_url(application)
    assert application.status == Application.Status.PENDING
    assert application.message == "Znam się na komputerach."
    assert application.volunteer == users["volunteer"]
    assert [message.to for message in mailoutbox] == [["przedstawiciel@example.org"]]
    assert offer.title in mailoutbox[0].subject
    assert detail_url(application) in mailoutbox[0].body
    assert "Znam się na komputerach." in mailoutbox[0].body
    assert AuditLogEntry.objects.filter(verb="volunteering.application.created").count() == 1


def test_the_contact_person_alone_is_told_when_there_is_one(
    users, volunteers, offer, mailing, mailoutbox
):
    offer.contact_person = create_user("kontakt@example.org", first_name="Kasia")
    offer.save()
    with mailing():
        apply(offer, users["volunteer"])

    assert [message.to for message in mailoutbox] == [["kontakt@example.org"]]


@pytest.mark.parametrize("message", ["", "   ", "x" * 4001])
def test_a_message_is_required(client_for, volunteers, offer, message):
    response = client_for("volunteer").post(apply_url(offer), {"message": message})

    assert response.status_code == 200
    assert "message" in response.context["form"].errors
    assert not Application.objects.exists()


def test_without_a_profile_the_page_sends_to_the_profile(client_for, users, offer):
    response = client_for("resident").get(apply_url(offer))
    assert response.context["needs_profile"]
    assert "/wolontariat/profil/" in response.content.decode()

    response = client_for("resident").post(apply_url(offer), {"message": "Proszę"})

    assert response.status_code == 200
    assert not Application.objects.exists()
    assert response.context["form"].non_field_errors()


def test_refusals(users, volunteers, offer, youth_offer, organization, child):
    volunteer = users["volunteer"]
    assert refusal(offer, users["resident"]) == "no-profile"
    make_profile(users["resident"])
    assert refusal(offer, users["resident"]) == "no-birth-date"
    # minors: the adult-only offer, and the 12-year-old for an offer from 13
    assert refusal(offer, users["volunteer_minor"]) == "too-young"
    assert refusal(youth_offer, child) == "too-young"
    for status, code in [
        (Offer.Status.DRAFT, "not-open"),
        (Offer.Status.REVIEW, "not-open"),
        (Offer.Status.CLOSED, "closed"),
        (Offer.Status.FILLED, "filled"),
    ]:
        shut = make_offer(organization, f"Oferta {status}", status=status)
        assert refusal(shut, volunteer) == code
    expired = make_offer(
        organization, "Oferta wygasła", expires_on=timezone.localdate() - datetime.timedelta(1)
    )
    assert refusal(expired, volunteer) == "expired"
    assert refusal(offer, volunteer, message="  ") == "message-required"


def test_a_full_offer_takes_no_more_applications(users, volunteers, youth_offer):
    taken = apply(youth_offer, users["volunteer"])
    # Accepted directly, so the offer stays "published" and only the count says it is full.
    Application.objects.filter(pk=taken.pk).update(status=Application.Status.ACCEPTED)

    assert refusal(youth_offer, users["volunteer_minor"]) == "full"


def test_double_application_is_refused_until_withdrawn(users, volunteers, offer):
    first = apply(offer, users["volunteer"])
    assert refusal(offer, users["volunteer"]) == "duplicate"

    services.withdraw_application(application=first, by=users["volunteer"])

    second = apply(offer, users["volunteer"])
    assert second.pk != first.pk
    assert Application.objects.filter(offer=offer).count() == 2


def test_the_16_year_old_applies_for_an_offer_open_to_minors(
    client_for, users, volunteers, youth_offer
):
    page = client_for("volunteer_minor").get(apply_url(youth_offer))
    assert page.context["minor_notice"] == minor_notice(users["volunteer_minor"].birth_date)
    assert "guardian_knows" not in page.context["form"].fields

    response = client_for("volunteer_minor").post(apply_url(youth_offer), {"message": "Chcę!"})

    assert response.status_code == 302
    assert Application.objects.get().volunteer == users["volunteer_minor"]


def test_the_12_year_old_applies_only_with_the_guardian(
    client, users, volunteers, organization, child
):
    offer_from_10 = make_offer(organization, "Czytanie w bibliotece", min_age=10)
    client.force_login(child)
    assert refusal(offer_from_10, child) == "guardian-required"

    response = client.post(apply_url(offer_from_10), {"message": "Lubię czytać."})
    assert response.status_code == 200
    assert "guardian_knows" in response.context["form"].errors

    response = client.post(
        apply_url(offer_from_10), {"message": "Lubię czytać.", "guardian_knows": "on"}
    )
    assert response.status_code == 302
    assert Application.objects.get().volunteer == child


def test_a_representative_may_apply_for_their_own_organisations_offer(users, offer):
    representative = users["representative"]
    representative.birth_date = years_ago(35)
    representative.save()
    make_profile(representative)

    assert apply(offer, representative).status == Application.Status.PENDING


# --- the host's side ---------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_offer_applications_by_persona(client_for, application, offer, persona):
    response = client_for(persona).get(list_url(offer))
    if persona == "anonymous":
        assert response.status_code == 302
    elif persona in HOSTS:
        assert response.status_code == 200
        assert (application, "") in response.context["rows"]
    else:
        assert response.status_code == 404


def test_offer_applications_filter_and_query_count(
    client_for, users, volunteers, offer, django_assert_max_num_queries
):
    for number in range(30):
        user = create_user(f"chetny{number}@example.org", birth_date=years_ago(20 + number))
        make_profile(user)
        apply(offer, user)
    declined = Application.objects.order_by("pk").first()
    services.decline_application(application=declined, by=users["representative"], reason="Nie.")
    client = client_for("representative")

    with django_assert_max_num_queries(12):
        response = client.get(list_url(offer))
    assert len(response.context["rows"]) == 30
    page = response.content.decode()
    assert "chetny7@example.org" in page  # the e-mail is shared by applying

    response = client.get(list_url(offer), {"stan": "declined"})
    assert response.context["rows"] == [(declined, "")]
    response = client.get(list_url(offer), {"stan": "nonsense"})
    assert response.status_code == 200 and len(response.context["rows"]) == 30


def test_the_host_sees_which_applicants_are_minors(
    client_for, users, volunteers, organization, child
):
    offer_from_10 = make_offer(organization, "Czytanie w bibliotece", min_age=10)
    teen = apply(offer_from_10, users["volunteer_minor"])
    kid = apply(offer_from_10, child, guardian_knows=True)
    adult = apply(offer_from_10, users["volunteer"])
    client = client_for("representative")

    rows = dict(client.get(list_url(offer_from_10)).context["rows"])

    assert rows[adult] == ""
    assert rows[teen] == age_group(users["volunteer_minor"].birth_date) != ""
    assert rows[kid] == age_group(child.birth_date) not in ("", rows[teen])
    assert age_group(child.birth_date) in client.get(detail_url(kid)).content.decode()


@pytest.mark.parametrize("persona", PERSONAS)
def test_application_detail_by_persona(client_for, application, persona):
    response = client_for(persona).get(detail_url(application))
    if persona == "anonymous":
        assert response.status_code == 302
    elif persona in HOSTS | {"volunteer"}:
        assert response.status_code == 200
    else:
        assert response.status_code == 404


def test_forged_ids_are_404(client_for, application):
    for action in ("", "przyjmij/", "odrzuc/", "wycofaj/"):
        forged = f"/wolontariat/zgloszenia/{application.pk + 1000}/{action}"
        client = client_for("volunteer")
        response = client.get(forged) if not action else client.post(forged)
        assert response.status_code == 404
        other = client_for("representative_other_org")
        response = (
            other.post(detail_url(application, action))
            if action
            else other.get(detail_url(application))
        )
        assert response.status_code == 404
    application.refresh_from_db()
    assert application.status == Application.Status.PENDING


def test_the_host_sees_only_what_the_volunteer_shared(client_for, users, volunteers, application):
    profile = volunteers["volunteer"]
    profile.phone = "600 700 800"
    profile.experience = "Prowadziłem zajęcia komputerowe."
    profile.show_experience = False
    profile.save()

    host_page = client_for("representative").get(detail_url(application))
    page = host_page.content.decode()

    assert users["volunteer"].email in page and users["volunteer"].get_full_name() in page
    assert "600 700 800" not in page  # show_contact is off
    assert "Prowadziłem zajęcia" not in page  # show_experience is off
    assert host_page.context["applicant"].skills  # skills are always shared
    assert availability.describe(profile.availability) in page
    volunteer_page = client_for("volunteer").get(detail_url(application))
    assert volunteer_page.context["applicant"] is None
    assert not volunteer_page.context["can_decide"]


def test_accepting_creates_the_engagement_fills_the_offer_and_tells_the_volunteer(
    client_for, users, volunteers, youth_offer, mailing, mailoutbox
):
    application = apply(youth_offer, users["volunteer_minor"])
    mailoutbox.clear()

    with mailing():
        response = client_for("representative").post(
            detail_url(application, "przyjmij/"), {"accept-reason": "Zbiórka o 9:00."}
        )

    assert response.status_code == 302
    application.refresh_from_db()
    youth_offer.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED
    assert application.decided_by == users["representative"]
    assert application.reason == "Zbiórka o 9:00."
    engagement = Engagement.objects.get(application=application)
    assert engagement.starts_on == youth_offer.starts_on
    assert engagement.ends_on == youth_offer.ends_on
    assert youth_offer.status == Offer.Status.FILLED  # one place, now taken
    assert [message.to for message in mailoutbox] == [["mlody-wolontariusz@example.org"]]
    assert "Zbiórka o 9:00." in mailoutbox[0].body
    detail = client_for("volunteer_minor").get(detail_url(application))
    assert detail.context["engagement"] == engagement


def test_no_more_accepted_than_places(users, volunteers, youth_offer, child):
    first = apply(youth_offer, users["volunteer"])
    second = apply(youth_offer, users["volunteer_minor"])
    services.accept_application(application=first, by=users["representative"])

    with pytest.raises(ValidationError) as error:
        services.accept_application(application=second, by=users["representative"])

    assert error.value.code == "full"
    second.refresh_from_db()
    assert second.status == Application.Status.PENDING
    assert not Engagement.objects.filter(application=second).exists()


def test_an_answered_application_cannot_be_answered_again(users, application):
    services.decline_application(application=application, by=users["representative"], reason="X")
    for service, extra in [
        (services.accept_application, {}),
        (services.decline_application, {"reason": "Y"}),
    ]:
        with pytest.raises(ValidationError) as error:
            service(application=application, by=users["representative"], **extra)
        assert error.value.code == "decided"


@pytest.mark.parametrize("persona, expected", [("volunteer", 403), ("resident", 404)])
def test_only_the_host_decides(client_for, application, persona, expected):
    for action in ("przyjmij/", "odrzuc/"):
        response = client_for(persona).post(
            detail_url(application, action), {"decline-reason": "x"}
        )
        assert response.status_code == expected
    application.refresh_from_db()
    assert application.status == Application.Status.PENDING


def test_decline_needs_a_reason_and_tells_the_volunteer(
    client_for, users, application, mailing, mailoutbox
):
    client = client_for("representative")
    response = client.post(detail_url(application, "odrzuc/"), {"decline-reason": "  "})
    assert response.status_code == 200
    assert "reason" in response.context["decline_form"].errors
    application.refresh_from_db()
    assert application.status == Application.Status.PENDING
    mailoutbox.clear()

    with mailing():
        response = client.post(
            detail_url(application, "odrzuc/"), {"decline-reason": "Szukamy osoby z prawem jazdy."}
        )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.DECLINED
    assert application.reason == "Szukamy osoby z prawem jazdy."
    assert [message.to for message in mailoutbox] == [["wolontariusz@example.org"]]
    assert "Szukamy osoby z prawem jazdy." in mailoutbox[0].body


def test_the_caretaker_may_decide_for_the_host(client_for, application):
    response = client_for("volunteer_caretaker").post(detail_url(application, "przyjmij/"))

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED


def test_post_only_actions(client_for, application):
    for action in ("przyjmij/", "odrzuc/", "wycofaj/"):
        assert client_for("representative").get(detail_url(application, action)).status_code == 405


# --- withdrawal --------------------------------------------------------------------------------


def test_withdrawing_a_pending_application_tells_the_host(
    client_for, application, mailing, mailoutbox
):
    mailoutbox.clear()
    with mailing():
        response = client_for("volunteer").post(detail_url(application, "wycofaj/"))

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.WITHDRAWN
    assert application.withdrawn_at is not None
    assert [message.to for message in mailoutbox] == [["przedstawiciel@example.org"]]


def test_withdrawing_an_accepted_application_ends_the_engagement_and_frees_the_place(
    users, volunteers, youth_offer
):
    application = apply(youth_offer, users["volunteer"])
    services.accept_application(application=application, by=users["representative"])
    youth_offer.refresh_from_db()
    assert youth_offer.status == Offer.Status.FILLED

    services.withdraw_application(application=application, by=users["volunteer"])

    engagement = Engagement.objects.get(application=application)
    youth_offer.refresh_from_db()
    assert engagement.status == Engagement.Status.ENDED
    assert youth_offer.status == Offer.Status.PUBLISHED
    assert apply(youth_offer, users["volunteer_minor"]).status == Application.Status.PENDING


def test_withdrawal_refusals(client_for, users, volunteers, youth_offer, application):
    response = client_for("representative").post(detail_url(application, "wycofaj/"))
    assert response.status_code == 403
    services.withdraw_application(application=application, by=users["volunteer"])
    with pytest.raises(ValidationError):
        services.withdraw_application(application=application, by=users["volunteer"])
    finished = apply(youth_offer, users["volunteer"])
    services.accept_application(application=finished, by=users["representative"])
    Engagement.objects.filter(application=finished).update(status=Engagement.Status.FINISHED)

    response = client_for("volunteer").post(detail_url(finished, "wycofaj/"), follow=True)

    finished.refresh_from_db()
    assert finished.status == Application.Status.ACCEPTED
    assert _("Your volunteering in this offer has already ended.") in response.content.decode()
    assert services.withdraw_problem(finished, users["representative"])


# --- lists and the offer page ------------------------------------------------------------------


def test_my_applications(
    client_for, users, volunteers, offer, youth_offer, django_assert_max_num_queries
):
    apply(offer, users["volunteer"])
    services.accept_application(
        application=apply(youth_offer, users["volunteer"]), by=users["representative"]
    )
    client = client_for("volunteer")

    with django_assert_max_num_queries(6):
        response = client.get(MY_URL)

    assert response.status_code == 200
    assert len(response.context["applications"]) == 2
    assert "/wolontariat/wspolprace/" in response.content.decode()
    assert client_for("resident").get(MY_URL).context["applications"] == []
    assert client_for("anonymous").get(MY_URL).status_code == 302


def test_offer_page_actions_for_each_side(client_for, users, volunteers, offer):
    anonymous = client_for("anonymous").get(offer.get_absolute_url()).content.decode()
    assert "/konto/" in anonymous or "login" in anonymous
    assert apply_url(offer) not in anonymous

    volunteer_page = client_for("volunteer").get(offer.get_absolute_url()).content.decode()
    assert apply_url(offer) in volunteer_page

    application = apply(offer, users["volunteer"])
    volunteer_page = client_for("volunteer").get(offer.get_absolute_url()).content.decode()
    assert detail_url(application, "wycofaj/") in volunteer_page
    assert apply_url(offer) not in volunteer_page

    host_page = client_for("representative").get(offer.get_absolute_url())
    assert list_url(offer) in host_page.content.decode()

    resident_page = client_for("resident").get(offer.get_absolute_url()).content.decode()
    assert "/wolontariat/profil/" in resident_page
