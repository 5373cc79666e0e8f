"""The Act of 24 April 2003, art. 42–46, enforced before an engagement starts: the written agreement
over 30 days, accident insurance up to 30 days, guardians of minors, the register check for work
with children, and agreements never dated in the past."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import formats, translation

from pomyslowice.accounts.models import User
from pomyslowice.organizations.models import SupportRecord
from pomyslowice.volunteering import engagement_services as services
from pomyslowice.volunteering.models import (
    Agreement,
    Application,
    Engagement,
    GuardianConsent,
    Offer,
)

from .conftest import make_offer, years_ago
from .engagement_helpers import (
    confirm_agreement,
    days,
    inform_about_safety,
    insure,
    make_engagement,
    reload,
)


@pytest.fixture(autouse=True)
def in_english(settings, users):
    """Messages are checked in English: the Polish catalogue would answer otherwise. E-mails go
    out in each recipient's language, so the personas read English too."""
    settings.LANGUAGE_CODE = "en"
    User.objects.update(language="en")
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def adult_volunteer(users):
    users["volunteer"].birth_date = years_ago(25)
    users["volunteer"].save(update_fields=["birth_date"])


@pytest.fixture
def host(users):
    return users["representative"]


@pytest.fixture
def open_offer(organization):
    """Adult-only, recurring, without an end date: a written agreement is required."""
    return make_offer(organization, "Pomoc w świetlicy na Piasku", min_age=18)


def offer_for(organization, title, *, length: int | None, **fields):
    """An offer starting today and lasting `length` days (None: no end date)."""
    fields.setdefault("min_age", 18)
    return make_offer(
        organization,
        title,
        starts_on=days(0),
        ends_on=days(length - 1) if length else None,
        duration="short" if length and length <= 30 else "long",
        **fields,
    )


def reload_offer(offer: Offer) -> Offer:
    return Offer.objects.get(pk=offer.pk)


def keys(engagement) -> set[str]:
    return {item.key for item in services.checklist(reload(engagement)) if item.blocker}


# --- the written agreement: over 30 days, open-ended, on request ------------------------------


@pytest.mark.parametrize(
    "length, written",
    [(1, False), (30, False), (31, True), (120, True), (None, True)],
)
def test_written_agreement_is_required_over_30_days_or_without_an_end(
    organization, users, length, written
):
    offer = offer_for(organization, f"Oferta {length}", length=length)
    engagement = make_engagement(offer, users["volunteer"])

    assert engagement.days == length
    assert services.written_agreement_required(engagement) is written
    assert ("agreement" in keys(engagement)) is written
    assert ("insurance" in keys(engagement)) is (not written)


def test_the_volunteer_may_ask_for_a_written_agreement_for_a_short_engagement(
    organization, users, host, django_capture_on_commit_callbacks
):
    offer = offer_for(organization, "Festyn", length=3, contact_person=host)
    engagement = make_engagement(offer, users["volunteer"])
    assert "agreement" not in keys(engagement)

    with django_capture_on_commit_callbacks(execute=True):
        services.request_written_agreement(engagement=engagement, by=users["volunteer"])

    assert reload(engagement).written_agreement_requested
    assert "agreement" in keys(engagement)
    assert [m.to for m in mail.outbox] == [
        [host.email],
        ["kontakt@przyjaciele-piasku.example.org"],
    ]
    assert "asks for the volunteering agreement" in mail.outbox[0].body
    with pytest.raises(ValidationError) as error:
        services.request_written_agreement(engagement=engagement, by=users["volunteer"])
    assert error.value.code == "required"


def test_an_open_ended_engagement_starts_only_with_a_confirmed_agreement(
    open_offer, users, host, django_capture_on_commit_callbacks
):
    engagement = make_engagement(open_offer, users["volunteer"])
    inform_about_safety(engagement, host)
    with pytest.raises(ValidationError) as error:
        services.start_engagement(engagement=engagement, by=host)
    assert error.value.messages == ["A written agreement must be confirmed by both sides."]
    assert reload(engagement).status == Engagement.Status.PREPARING

    agreement = services.generate_agreement(engagement=engagement, by=host)
    services.confirm_agreement(agreement=agreement, by=host, side="host")
    assert "agreement" in keys(engagement)  # the volunteer has not confirmed yet
    services.confirm_agreement(agreement=agreement, by=users["volunteer"], side="volunteer")
    assert keys(engagement) == set()

    with django_capture_on_commit_callbacks(execute=True):
        services.start_engagement(engagement=engagement, by=host)

    engagement = reload(engagement)
    assert engagement.status == Engagement.Status.ACTIVE
    assert engagement.started_at is not None
    record = SupportRecord.objects.get(kind=SupportRecord.Kind.VOLUNTEERING)
    assert (record.organization, record.person, record.date) == (
        open_offer.host,
        users["volunteer"],
        engagement.starts_on,
    )
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [users["volunteer"].email, "kontakt@przyjaciele-piasku.example.org"]
    )
    assert all("has started" in m.body for m in mail.outbox)


# --- accident insurance (NNW) for up to 30 days -----------------------------------------------


def test_a_short_engagement_cannot_start_without_accident_insurance(organization, users, host):
    offer = offer_for(organization, "Zbiórka żywności", length=14)
    engagement = make_engagement(offer, users["volunteer"])
    inform_about_safety(engagement, host)

    blockers = services.start_blockers(reload(engagement))
    assert blockers == [
        "The host must record accident insurance (NNW) covering the engagement until its last day."
    ]
    with pytest.raises(ValidationError):
        services.start_engagement(engagement=engagement, by=host)
    assert reload(engagement).status == Engagement.Status.PREPARING
    assert not SupportRecord.objects.exists()

    insure(engagement, host)
    services.start_engagement(engagement=engagement, by=host)
    assert reload(engagement).status == Engagement.Status.ACTIVE


def test_insurance_must_cover_the_last_day(organization, users, host):
    offer = offer_for(organization, "Zbiórka żywności", length=14)
    engagement = make_engagement(offer, users["volunteer"])

    with pytest.raises(ValidationError) as error:
        insure(engagement, host, until=days(12))
    assert "insured_until" in error.value.error_dict
    engagement = reload(engagement)
    assert (engagement.insurer, engagement.insured_until) == ("", None)
    assert "insurance" in keys(engagement)


def test_shortening_the_insurance_by_a_new_agreement_blocks_the_start_again(
    organization, users, host
):
    offer = offer_for(organization, "Zbiórka żywności", length=14)
    engagement = make_engagement(offer, users["volunteer"])
    insure(engagement, host)
    assert "insurance" not in keys(engagement)

    confirm_agreement(engagement, host, ends_on=days(20))

    assert "insurance" in keys(engagement)


# --- minors -------------------------------------------------------------------------------------


def test_a_16_year_old_needs_the_guardians_consent(youth_offer, users, host):
    Offer.objects.filter(pk=youth_offer.pk).update(starts_on=days(0))
    engagement = make_engagement(reload_offer(youth_offer), users["volunteer_minor"])
    inform_about_safety(engagement, host)
    insure(engagement, host)
    assert services.volunteer_age(engagement) == 16
    assert keys(engagement) == {"guardian"}
    assert not services.written_agreement_required(engagement)

    services.record_guardian_consent(
        engagement=engagement,
        by=host,
        guardian_name="Anna Młoda",
        relationship="matka",
        method=GuardianConsent.Method.PAPER,
        given_on=days(0),
    )

    assert keys(engagement) == set()
    services.start_engagement(engagement=engagement, by=host)
    assert reload(engagement).status == Engagement.Status.ACTIVE


def test_no_consent_is_recorded_for_an_adult_or_in_the_future(youth_offer, open_offer, users, host):
    adult = make_engagement(open_offer, users["volunteer"])
    with pytest.raises(ValidationError) as error:
        services.record_guardian_consent(
            engagement=adult,
            by=host,
            guardian_name="X",
            relationship="ojciec",
            method="paper",
            given_on=days(0),
        )
    assert error.value.code == "adult"
    minor = make_engagement(youth_offer, users["volunteer_minor"])
    with pytest.raises(ValidationError) as error:
        services.record_guardian_consent(
            engagement=minor,
            by=host,
            guardian_name="Anna Młoda",
            relationship="matka",
            method="paper",
            given_on=days(1),
        )
    assert "given_on" in error.value.error_dict
    assert not GuardianConsent.objects.exists()


def test_age_counts_on_the_first_day(organization, users):
    """17 today but 18 when the engagement starts: an adult volunteer, no guardian."""
    turning = users["volunteer"]
    today = days(0)
    turning.birth_date = today.replace(year=today.year - 18) + datetime.timedelta(days=5)
    turning.save(update_fields=["birth_date"])
    offer = make_offer(
        organization, "Od przyszłego miesiąca", min_age=16, starts_on=days(20), duration="long"
    )
    engagement = make_engagement(offer, turning)

    assert services.volunteer_age(engagement) == 18
    assert "guardian" not in keys(engagement)


def test_an_unknown_birth_date_blocks_the_start(open_offer, users):
    users["volunteer"].birth_date = None
    users["volunteer"].save(update_fields=["birth_date"])
    engagement = make_engagement(open_offer, users["volunteer"])

    assert "guardian" in keys(engagement)


@pytest.fixture
def child_offer(organization):
    return make_offer(
        organization,
        "Czytanie w przedszkolu",
        min_age=10,
        starts_on=days(0),
        ends_on=days(2),
        duration="short",
    )


def test_below_13_the_guardian_concludes_the_agreement(child_offer, child, host):
    engagement = make_engagement(child_offer, child)
    inform_about_safety(engagement, host)
    insure(engagement, host)
    assert engagement.is_short
    assert services.guardian_concludes(engagement)
    assert services.written_agreement_required(engagement)  # even for 3 days
    assert keys(engagement) == {"agreement", "guardian"}

    defaults = services.agreement_defaults(engagement, by=host)
    with pytest.raises(ValidationError) as error:
        services.save_agreement_version(engagement=engagement, by=host, **defaults)
    assert "guardian_name" in error.value.error_dict
    assert not Agreement.objects.exists()

    agreement = services.save_agreement_version(
        engagement=engagement, by=host, **defaults | {"guardian_name": "Ewa Mała"}
    )
    services.confirm_agreement(agreement=agreement, by=host, side="host")
    with pytest.raises(ValidationError) as error:
        services.confirm_agreement(agreement=agreement, by=child, side="volunteer")
    assert error.value.code == "guardian-statement"
    services.confirm_agreement(agreement=agreement, by=child, side="volunteer", for_guardian=True)
    assert keys(engagement) == {"guardian"}  # the consent record is required as well

    services.record_guardian_consent(
        engagement=engagement,
        by=host,
        guardian_name="Ewa Mała",
        relationship="matka",
        method=GuardianConsent.Method.IN_PERSON,
        given_on=days(0),
    )
    services.start_engagement(engagement=engagement, by=host)
    assert reload(engagement).status == Engagement.Status.ACTIVE


def test_the_guardian_recorded_first_fills_in_the_agreement(child_offer, child, host):
    engagement = make_engagement(child_offer, child)
    services.record_guardian_consent(
        engagement=engagement,
        by=host,
        guardian_name="Ewa Mała",
        relationship="matka",
        method="paper",
        given_on=days(0),
    )

    agreement = services.generate_agreement(engagement=engagement, by=host)

    assert agreement.guardian_name == "Ewa Mała"


# --- the sex-offender register check for work with children ---------------------------------


@pytest.fixture
def children_offer(organization):
    return make_offer(
        organization, "Korepetycje w świetlicy", works_with_children=True, duration="long"
    )


def check(engagement, host, result):
    return services.record_register_check(
        engagement=engagement,
        by=host,
        checked_on=days(0),
        checked_by="Piotr Reprezentant",
        result=result,
    )


def test_work_with_children_needs_a_clear_register_check(children_offer, users, host):
    engagement = make_engagement(children_offer, users["volunteer"])
    confirm_agreement(engagement, host)
    inform_about_safety(engagement, host)
    assert keys(engagement) == {"register"}

    check(engagement, host, Engagement.RegisterResult.CLEAR)

    engagement = reload(engagement)
    assert (engagement.register_result, engagement.register_checked_by) == (
        "clear",
        "Piotr Reprezentant",
    )
    services.start_engagement(engagement=engagement, by=host)
    assert reload(engagement).status == Engagement.Status.ACTIVE


def test_a_listed_volunteer_can_never_start(children_offer, users, host):
    engagement = make_engagement(children_offer, users["volunteer"])
    confirm_agreement(engagement, host)
    inform_about_safety(engagement, host)

    check(engagement, host, Engagement.RegisterResult.LISTED)

    assert services.start_blockers(reload(engagement)) == [
        "The volunteer is in the sex-offender register: this engagement can never start."
    ]
    with pytest.raises(ValidationError) as error:
        check(engagement, host, Engagement.RegisterResult.CLEAR)
    assert error.value.code == "listed"
    with pytest.raises(ValidationError):
        services.start_engagement(engagement=engagement, by=host)
    engagement = reload(engagement)
    assert (engagement.status, engagement.register_result) == ("preparing", "listed")


def test_no_register_check_without_work_with_children(open_offer, users, host):
    engagement = make_engagement(open_offer, users["volunteer"])
    assert "register" not in keys(engagement)
    with pytest.raises(ValidationError) as error:
        check(engagement, host, Engagement.RegisterResult.CLEAR)
    assert error.value.code == "not-needed"


# --- dates -------------------------------------------------------------------------------------


def test_an_agreement_cannot_start_in_the_past(open_offer, users, host):
    engagement = make_engagement(open_offer, users["volunteer"])
    data = services.agreement_defaults(engagement, by=host) | {"starts_on": days(-1)}

    with pytest.raises(ValidationError) as error:
        services.save_agreement_version(engagement=engagement, by=host, **data)

    assert error.value.error_dict["starts_on"][0].code == "past"
    assert not Agreement.objects.exists()
    assert reload(engagement).starts_on == days(0)


def test_an_agreement_cannot_end_before_it_starts(open_offer, users, host):
    engagement = make_engagement(open_offer, users["volunteer"])
    data = services.agreement_defaults(engagement, by=host) | {
        "starts_on": days(5),
        "ends_on": days(4),
    }

    with pytest.raises(ValidationError) as error:
        services.save_agreement_version(engagement=engagement, by=host, **data)

    assert "ends_on" in error.value.error_dict
    assert not Agreement.objects.exists()


def test_a_new_agreement_moves_the_engagement_dates(open_offer, users, host):
    engagement = make_engagement(open_offer, users["volunteer"])

    confirm_agreement(engagement, host, starts_on=days(3), ends_on=days(40))

    engagement = reload(engagement)
    assert (engagement.starts_on, engagement.ends_on, engagement.days) == (days(3), days(40), 38)


def test_an_engagement_whose_period_passed_cannot_start(open_offer, users, host):
    engagement = make_engagement(open_offer, users["volunteer"])
    confirm_agreement(engagement, host)
    inform_about_safety(engagement, host)
    Engagement.objects.filter(pk=engagement.pk).update(starts_on=days(-60), ends_on=days(-1))

    blockers = services.start_blockers(reload(engagement))

    assert any("period ended" in reason for reason in blockers)


def test_the_engagement_takes_the_offers_dates_but_never_starts_in_the_past(organization, users):
    future = make_offer(
        organization, "Przyszła", starts_on=days(7), ends_on=days(9), duration="short"
    )
    running = make_offer(
        organization, "Trwająca", starts_on=days(-7), ends_on=days(9), duration="short"
    )
    over = make_offer(organization, "Minęła", starts_on=days(-9), ends_on=days(-2))

    assert (make_engagement(future, users["volunteer"]).starts_on, future.ends_on) == (
        days(7),
        days(9),
    )
    assert make_engagement(running, users["volunteer"]).starts_on == days(0)
    with pytest.raises(ValidationError) as error:
        make_engagement(over, users["volunteer"])
    assert error.value.code == "offer-ended"


def test_a_register_hit_is_called_off_and_frees_the_place(
    children_offer, users, host, client_for, django_capture_on_commit_callbacks
):
    engagement = make_engagement(children_offer, users["volunteer"])
    check(engagement, host, Engagement.RegisterResult.LISTED)
    url = f"/wolontariat/wspolprace/{engagement.pk}/odwolaj/"
    assert client_for("volunteer").post(url, {"reason": "x"}).status_code in (403, 404)
    page = client_for("representative").post(url, {"reason": " "})
    assert "This field is required." in page.text
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("representative").post(url, {"reason": "Wpis w rejestrze."})
    assert response.status_code == 302
    engagement.refresh_from_db()
    engagement.application.refresh_from_db()
    assert engagement.status == Engagement.Status.ENDED and engagement.started_at is None
    assert engagement.application.status == Application.Status.DECLINED
    assert engagement.application.reason == "Wpis w rejestrze."
    assert [message.subject for message in mail.outbox] == [
        "Volunteering called off: Korepetycje w świetlicy"
    ] * 2
    assert client_for("representative").post(url, {"reason": "again"}).status_code == 200
    assert reload(engagement).status == Engagement.Status.ENDED


def test_an_engagement_does_not_start_before_its_first_day(organization, users, host):
    offer = make_offer(
        organization, "Festyn za tydzień", starts_on=days(7), ends_on=days(7), duration="short"
    )
    engagement = make_engagement(offer, users["volunteer"])
    confirm_agreement(engagement, host)
    inform_about_safety(engagement, host)
    insure(engagement, host)
    assert services.start_blockers(reload(engagement)) == [
        f"The engagement starts on {formats.date_format(days(7), 'DATE_FORMAT')} as agreed; "
        "it cannot start earlier."
    ]
