"""Volunteer offers (/wolontariat/): the index with filters, the offer's page, the host's form,
review by the caretaker, closing, "filled", and who may see and do what."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from pomyslowice.core.models import AuditLogEntry, District
from pomyslowice.volunteering import availability, offer_services
from pomyslowice.volunteering.demo_offers import OFFERS, SKILLS
from pomyslowice.volunteering.demo_offers import seed as seed_demo
from pomyslowice.volunteering.models import Application, Offer
from tests.conftest import PERSONAS, create_user, make_organization
from tests.events.test_registration_concurrency import race

from .conftest import MONDAY_AFTERNOON, make_offer, years_ago

pytestmark = pytest.mark.django_db

INDEX = "/en/wolontariat/"
CREATE = "/en/wolontariat/oferty/nowa/"
MINE = "/en/wolontariat/moje-oferty/"
QUEUE = "/en/wolontariat/do-zatwierdzenia/"
REVIEWERS = {"coordinator", "volunteer_caretaker"}
TODAY = timezone.localdate


def days(n: int) -> str:
    return (TODAY() + datetime.timedelta(days=n)).isoformat()


def page(slug: str, action: str = "") -> str:
    return f"/en/wolontariat/oferty/{slug}/{action}"


def form_data(host, **changes) -> dict:
    data = {
        "host": host.pk,
        "title": "Pomoc w ogrodzie społecznym",
        "description": "<p>Sadzimy, podlewamy i <script>x</script>zbieramy.</p>",
        "tasks": "Podlewanie\nPielenie",
        "district": "",
        "address": "ul. Ogrodowa 1",
        "schedule": "recurring",
        "starts_on": days(5),
        "ends_on": "",
        "schedule_note": "w soboty",
        "availability": [str(5 * 3)],  # Saturday morning
        "duration": "long",
        "places": "3",
        "min_age": "16",
        "offers_training": "on",
        "offers_certificate": "on",
        "offers_other": "",
        "contact_person": "",
        "contact_phone": "+48 32 000 00 00",
        "expires_on": "",
    }
    return data | changes


def service_data(**changes) -> dict:
    """What the form hands the service: Python values, not strings."""
    data = {
        "title": "Pomoc w ogrodzie społecznym",
        "description": "<p>Sadzimy.</p>",
        "tasks": "Podlewanie",
        "schedule": Offer.Schedule.RECURRING,
        "duration": Offer.Duration.LONG,
        "places": 2,
        "min_age": 18,
    }
    return data | changes


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """E-mails leave on commit; `with on_commit(execute=True):` sends them in a test."""
    return django_capture_on_commit_callbacks


@pytest.fixture
def draft(organization, users):
    return make_offer(
        organization,
        "Szkic oferty świetlicy",
        status=Offer.Status.DRAFT,
        created_by=users["representative"],
        contact_person=users["representative"],
    )


def count_log(verb: str) -> int:
    return AuditLogEntry.objects.filter(verb=verb).count()


# --- the index ---------------------------------------------------------------------------------


def test_index_lists_only_open_offers(client, offer, youth_offer, other_offer, organization):
    make_offer(organization, "Szkic ukryty", status=Offer.Status.DRAFT)
    make_offer(organization, "W ocenie ukryta", status=Offer.Status.REVIEW)
    make_offer(organization, "Zamknięta ukryta", status=Offer.Status.CLOSED)
    make_offer(organization, "Pełna ukryta", status=Offer.Status.FILLED)
    make_offer(organization, "Wygasła ukryta", expires_on=TODAY() - datetime.timedelta(days=1))
    make_offer(organization, "Ważna do dziś", expires_on=TODAY())
    text = client.get(INDEX).text
    for title in (offer.title, youth_offer.title, other_offer.title, "Ważna do dziś"):
        assert title in text
    assert "ukryta" not in text
    assert "4 offers found" in text


@pytest.mark.parametrize(
    "persona, sees_adult_offer",
    [("anonymous", True), ("volunteer", True), ("volunteer_minor", False), ("resident", True)],
)
def test_index_hides_offers_not_open_to_age(
    client_for, offer, youth_offer, persona, sees_adult_offer
):
    text = client_for(persona).get(INDEX).text
    assert (offer.title in text) is sees_adult_offer
    assert youth_offer.title in text


def test_a_twelve_year_old_sees_only_offers_open_to_twelve(client, child, offer, youth_offer):
    family = make_offer(youth_offer.host, "Rodzinne sadzenie drzew", min_age=10)
    client.force_login(child)
    text = client.get(INDEX).text
    assert family.title in text
    assert offer.title not in text and youth_offer.title not in text


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"obszar": "rozwoj-wspolnot-lokalnych"}, {"offer", "youth"}),
        ({"umiejetnosc": "obsluga-komputera"}, {"offer"}),
        ({"dzielnica": "piasek"}, {"offer", "youth"}),
        ({"zdalnie": "on"}, {"remote"}),
        ({"harmonogram": "one-off"}, {"youth"}),
        ({"czas": "short"}, {"youth"}),
        ({"nieletni": "on"}, {"youth", "remote"}),
        ({"q": "parku"}, {"youth"}),
        ({"q": "Ławki"}, {"other", "remote"}),
    ],
)
def test_index_filters(client, offer, youth_offer, other_offer, params, expected):
    remote = make_offer(
        other_offer.host,
        "Grafiki zdalnie",
        is_remote=True,
        min_age=16,
        schedule=Offer.Schedule.FLEXIBLE,
    )
    titles = {"offer": offer, "youth": youth_offer, "other": other_offer, "remote": remote}
    text = client.get(INDEX, params).text
    shown = {key for key, item in titles.items() if item.title in text}
    assert shown == expected


def test_index_ignores_nonsense_filters_and_says_so(client, offer):
    text = client.get(INDEX, {"dzielnica": "atlantyda", "harmonogram": "sometimes"}).text
    assert "These filters were ignored" in text
    assert offer.title in text


def test_index_empty_states(client, offer):
    Offer.objects.all().delete()
    assert "There are no open volunteer offers at the moment" in client.get(INDEX).text
    assert "No offer matches these criteria" in client.get(INDEX, {"zdalnie": "on"}).text


def test_index_paginates(client, organization):
    for i in range(25):
        make_offer(organization, f"Oferta numer {i:02d}")
    first = client.get(INDEX).text
    second = client.get(INDEX, {"page": 2}).text
    assert "25 offers found" in first and "page 1 of 2" in first
    assert first.count('class="card"') == 20 and second.count('class="card"') == 5
    assert client.get(INDEX, {"page": "zzz"}).status_code == 200


def test_index_query_count_is_flat(
    client_for, organization, skills, area, district, django_assert_max_num_queries
):
    for i in range(30):
        make_offer(
            organization,
            f"Oferta {i:02d}",
            skills=list(skills.values())[:2],
            areas=[area],
            district=district,
        )
    client = client_for("volunteer_minor")
    with django_assert_max_num_queries(10):
        assert client.get(INDEX).status_code == 200


def test_index_links_for_hosts_and_reviewers(client_for, organization):
    assert "Post a volunteer offer" not in client_for("resident").get(INDEX).text
    assert "Post a volunteer offer" in client_for("representative").get(INDEX).text
    text = client_for("volunteer_caretaker").get(INDEX).text
    assert "Offers to review" in text and "Post a volunteer offer" in text


# --- the offer's page --------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_published_adult_offer_is_hidden_only_from_minors(client_for, offer, persona):
    expected = 404 if persona == "volunteer_minor" else 200
    assert client_for(persona).get(page(offer.slug)).status_code == expected


@pytest.mark.parametrize("persona", PERSONAS)
def test_draft_is_seen_by_its_host_and_reviewers_only(client_for, draft, persona):
    expected = 200 if persona in REVIEWERS | {"representative"} else 404
    assert client_for(persona).get(page(draft.slug)).status_code == expected


def test_expired_offer_page_is_404_for_the_public_but_not_for_the_host(client_for, organization):
    expired = make_offer(organization, "Wygasła", expires_on=TODAY() - datetime.timedelta(days=2))
    assert client_for("anonymous").get(page(expired.slug)).status_code == 404
    text = client_for("representative").get(page(expired.slug)).text
    assert "expired" in text


def test_unknown_offer_is_404(client):
    assert client.get(page("nie-ma-takiej")).status_code == 404


def test_offer_page_shows_every_fact(client, organization, skills, area, district, users):
    offer = make_offer(
        organization,
        "Opieka nad dziećmi w świetlicy",
        skills=[skills["opieka-nad-dziecmi"]],
        areas=[area],
        district=district,
        address="ul. Kolejowa 14",
        min_age=16,
        works_with_children=True,
        offers_training=True,
        covers_travel=True,
        offers_other="bilet do kina",
        availability=MONDAY_AFTERNOON | availability.bit(2, 2),
        schedule_note="w poniedziałki 15–18",
        contact_person=users["representative"],
        contact_phone="+48 600 100 200",
        places=4,
        starts_on=TODAY() + datetime.timedelta(days=3),
        expires_on=TODAY() + datetime.timedelta(days=60),
        description="<p>Świetlica <strong>dla dzieci</strong></p><script>alert(1)</script>",
        tasks="Zabawy\n- Czytanie",
    )
    text = client.get(page(offer.slug)).text
    for fact in (
        "ul. Kolejowa 14",
        "district Piasek",
        "Recurring (regular days): w poniedziałki 15–18",
        "Monday, afternoon; Wednesday, evening",
        "Open from age 16. Volunteers under 18 need their legal guardian",
        "Register of Sex Offenders",
        "training for the volunteer",
        "travel costs reimbursed",
        "a certificate of volunteering",
        "bilet do kina",
        "Opieka nad dziećmi",
        area.name,
        "Piotr Reprezentant",
        "+48 600 100 200",
        "<strong>dla dzieci</strong>",
        "<li>Czytanie</li>",
    ):
        assert fact in text, fact
    assert "<script>" not in text.split("</main>")[0].split("<main")[-1]
    assert "Manage the offer" not in text


def test_age_rules_are_explained_for_adults_and_young_children(client, organization):
    adults = make_offer(organization, "Tylko dorośli", min_age=18)
    family = make_offer(organization, "Rodzinna akcja", min_age=10)
    assert "Adults only (18 and over)" in client.get(page(adults.slug)).text
    assert "the legal guardian concludes the agreement" in client.get(page(family.slug)).text


def test_offer_page_shows_management_to_its_host(client_for, offer):
    text = client_for("representative").get(page(offer.slug)).text
    assert "Manage the offer" in text and "Close the offer" in text
    assert (
        "Manage the offer" not in client_for("representative_other_org").get(page(offer.slug)).text
    )


def test_returned_draft_shows_the_note_to_its_host(client_for, draft):
    draft.review_note = "Dopiszcie godziny."
    draft.save()
    assert "Dopiszcie godziny." in client_for("representative").get(page(draft.slug)).text


# --- creating and editing ----------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_open_the_form(client_for, persona):
    expected = {
        "anonymous": 302,
        "representative": 200,
        "representative_other_org": 200,
        **dict.fromkeys(REVIEWERS, 200),
    }.get(persona, 404)
    response = client_for(persona).get(CREATE)
    assert response.status_code == expected
    if expected == 200:
        text = response.text
        assert 'name="availability"' in text and "<caption" in text
        assert 'id="id_availability_0_0"' in text and "Monday, </span>" in text


def test_host_creates_a_draft(client_for, organization, users, skills, area, on_commit):
    data = form_data(organization, skills=[skills["grafika"].pk], areas=[area.pk])
    with on_commit(execute=True):
        response = client_for("representative").post(CREATE, data)
    offer = Offer.objects.get()
    assert response.status_code == 302 and response.url == f"/en/wolontariat/oferty/{offer.slug}/"
    assert offer.status == Offer.Status.DRAFT
    assert offer.slug == "pomoc-w-ogrodzie-spolecznym"
    assert offer.description == "<p>Sadzimy, podlewamy i zbieramy.</p>"
    assert offer.availability == availability.bit(5, 0)
    assert offer.contact_person == users["representative"]
    assert offer.created_by == users["representative"]
    assert list(offer.skills.all()) == [skills["grafika"]] and list(offer.areas.all()) == [area]
    assert count_log("volunteering.offer.created") == 1
    assert mail.outbox == []


def test_host_cannot_post_for_an_organisation_they_do_not_represent(client_for, other_organization):
    response = client_for("representative").post(CREATE, form_data(other_organization))
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert not Offer.objects.exists()


def test_service_refuses_a_host_the_user_does_not_represent(users, other_organization):
    with pytest.raises(ValidationError) as error:
        offer_services.create_offer(
            host=other_organization, data=service_data(), by=users["resident"]
        )
    assert "host" in error.value.message_dict
    assert not Offer.objects.exists()


def test_caretaker_posts_for_any_published_organisation(client_for, other_organization):
    response = client_for("volunteer_caretaker").post(CREATE, form_data(other_organization))
    assert response.status_code == 302
    assert Offer.objects.get().host == other_organization


def test_slug_never_takes_the_form_address(client_for, organization):
    client_for("representative").post(CREATE, form_data(organization, title="Nowa"))
    client_for("representative").post(CREATE, form_data(organization, title="Nowa"))
    assert sorted(Offer.objects.values_list("slug", flat=True)) == ["nowa-2", "nowa-3"]


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"starts_on": days(10), "ends_on": days(5)}, "ends_on", "cannot end before it starts"),
        ({"schedule": "one-off", "starts_on": ""}, "starts_on", "Give the date of a one-off"),
        (
            {"duration": "short", "starts_on": days(1), "ends_on": days(31)},
            "ends_on",
            "span more than 30 days",
        ),
        ({"places": "0"}, "places", "at least one place"),
        ({"min_age": "5"}, "min_age", "between 6 and 99"),
        ({"min_age": "100"}, "min_age", "between 6 and 99"),
        ({"title": ""}, "title", "This field is required"),
        ({"schedule": "sometimes"}, "schedule", "Select a valid choice"),
        ({"starts_on": "30.02.2026"}, "starts_on", "Enter a valid date"),
        ({"contact_person": "999999"}, "contact_person", "Select a valid choice"),
    ],
)
def test_bad_input_rerenders_the_form_and_saves_nothing(
    client_for, organization, changes, field, message
):
    response = client_for("representative").post(CREATE, form_data(organization, **changes))
    assert response.status_code == 200
    assert message in response.text
    assert response.context["form"].errors.get(field)
    assert not Offer.objects.exists()


def test_short_offer_of_exactly_thirty_days_is_fine(client_for, organization):
    data = form_data(organization, duration="short", starts_on=days(1), ends_on=days(30))
    assert client_for("representative").post(CREATE, data).status_code == 302


def test_contact_must_represent_the_host(users, organization, other_organization):
    data = service_data(contact_person=users["representative_other_org"])
    with pytest.raises(ValidationError) as error:
        offer_services.create_offer(host=organization, data=data, by=users["representative"])
    assert "contact_person" in error.value.message_dict


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_edit(client_for, offer, persona):
    expected = {"anonymous": 302, "representative": 200, **dict.fromkeys(REVIEWERS, 200)}
    assert client_for(persona).get(page(offer.slug, "edytuj/")).status_code == expected.get(
        persona, 404
    )


def test_host_edits_a_published_offer(client_for, offer, organization):
    data = form_data(organization, title="Nowy tytuł", places="7")
    response = client_for("representative").post(page(offer.slug, "edytuj/"), data)
    assert response.status_code == 302
    offer.refresh_from_db()
    assert (offer.title, offer.places, offer.status) == ("Nowy tytuł", 7, Offer.Status.PUBLISHED)
    assert offer.slug == "pomoc-w-swietlicy-na-piasku"
    assert count_log("volunteering.offer.updated") == 1


def test_edit_with_bad_dates_changes_nothing(client_for, offer, organization):
    data = form_data(organization, title="Zmieniony", starts_on=days(9), ends_on=days(2))
    response = client_for("representative").post(page(offer.slug, "edytuj/"), data)
    assert response.status_code == 200 and "cannot end before it starts" in response.text
    offer.refresh_from_db()
    assert offer.title == "Pomoc w świetlicy na Piasku"


def test_moving_expiry_into_the_past_of_a_published_offer_is_refused(
    client_for, offer, organization
):
    data = form_data(organization, expires_on=days(-1))
    response = client_for("representative").post(page(offer.slug, "edytuj/"), data)
    assert response.status_code == 200 and "validity date has passed" in response.text


def test_closed_offer_cannot_be_edited(client_for, offer, organization, users):
    offer_services.close_offer(offer=offer, by=users["representative"])
    response = client_for("representative").get(page(offer.slug, "edytuj/"))
    assert response.status_code == 302
    with pytest.raises(ValidationError):
        offer_services.update_offer(offer=offer, data={"title": "X"}, by=users["representative"])


# --- review ------------------------------------------------------------------------------------


def test_host_sends_a_draft_for_review_and_reviewers_hear(client_for, draft, users, on_commit):
    with on_commit(execute=True):
        response = client_for("representative").post(page(draft.slug, "do-oceny/"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Offer.Status.REVIEW
    recipients = {message.to[0] for message in mail.outbox}
    assert recipients == {users["coordinator"].email, users["volunteer_caretaker"].email}
    assert draft.title in mail.outbox[0].subject
    assert f"/wolontariat/do-zatwierdzenia/{draft.slug}/" in mail.outbox[0].body
    assert count_log("volunteering.offer.submitted") == 1
    # Not public until published.
    assert client_for("anonymous").get(page(draft.slug)).status_code == 404


def test_caretakers_own_submission_publishes_at_once(
    client_for, users, other_organization, on_commit
):
    offer = make_offer(other_organization, "Od opiekuna", status=Offer.Status.DRAFT)
    with on_commit(execute=True):
        client_for("volunteer_caretaker").post(page(offer.slug, "do-oceny/"))
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED and offer.published_at is not None
    assert [message.to for message in mail.outbox] == [[users["representative_other_org"].email]]


@pytest.mark.parametrize("persona", ["representative_other_org", "volunteer", "analyst"])
def test_others_cannot_submit(client_for, draft, persona):
    assert client_for(persona).post(page(draft.slug, "do-oceny/")).status_code == 404
    draft.refresh_from_db()
    assert draft.status == Offer.Status.DRAFT


def test_submit_is_post_only_and_only_for_drafts(client_for, offer):
    client = client_for("representative")
    assert client.get(page(offer.slug, "do-oceny/")).status_code == 405
    response = client.post(page(offer.slug, "do-oceny/"), follow=True)
    assert "Only a draft can be sent for review" in response.text


def test_expired_draft_cannot_be_submitted(client_for, organization):
    draft = make_offer(
        organization,
        "Przeterminowany szkic",
        status=Offer.Status.DRAFT,
        expires_on=TODAY() - datetime.timedelta(days=1),
    )
    response = client_for("representative").post(page(draft.slug, "do-oceny/"), follow=True)
    assert "validity date has passed" in response.text
    draft.refresh_from_db()
    assert draft.status == Offer.Status.DRAFT


@pytest.mark.parametrize("persona", PERSONAS)
def test_review_queue_is_for_reviewers(client_for, persona, draft):
    expected = 302 if persona == "anonymous" else 200 if persona in REVIEWERS else 404
    assert client_for(persona).get(QUEUE).status_code == expected
    assert client_for(persona).get(f"{QUEUE}{draft.slug}/").status_code == expected


def test_review_queue_lists_offers_in_review(
    client_for, organization, django_assert_max_num_queries
):
    for i in range(10):
        make_offer(organization, f"Do oceny {i}", status=Offer.Status.REVIEW)
    make_offer(organization, "Zwrócona", status=Offer.Status.DRAFT, review_note="Popraw")
    client = client_for("volunteer_caretaker")
    with django_assert_max_num_queries(10):
        text = client.get(QUEUE).text
    assert "Do oceny 9" in text and "Zwrócona" in text


def test_reviewer_publishes_and_the_host_hears(client_for, draft, users, on_commit):
    draft.status = Offer.Status.REVIEW
    draft.save()
    with on_commit(execute=True):
        response = client_for("volunteer_caretaker").post(
            f"{QUEUE}{draft.slug}/", {"action": "publish"}
        )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Offer.Status.PUBLISHED and draft.published_at is not None
    assert [message.to for message in mail.outbox] == [[users["representative"].email]]
    assert draft.get_absolute_url().replace("/en", "") in mail.outbox[0].body
    assert count_log("volunteering.offer.published") == 1
    assert client_for("anonymous").get(page(draft.slug)).status_code == 200


def test_reviewer_returns_with_a_note(client_for, draft, on_commit):
    draft.status = Offer.Status.REVIEW
    draft.save()
    with on_commit(execute=True):
        response = client_for("coordinator").post(
            f"{QUEUE}{draft.slug}/",
            {"action": "return", "note": "Dopiszcie, kto opiekuje się dziećmi."},
        )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Offer.Status.DRAFT
    assert draft.review_note == "Dopiszcie, kto opiekuje się dziećmi."
    assert len(mail.outbox) == 1 and "kto opiekuje się dziećmi" in mail.outbox[0].body
    assert AuditLogEntry.objects.get(verb="volunteering.offer.returned").data["note"]


def test_return_without_a_note_is_refused(client_for, draft, on_commit):
    draft.status = Offer.Status.REVIEW
    draft.save()
    with on_commit(execute=True):
        response = client_for("coordinator").post(
            f"{QUEUE}{draft.slug}/", {"action": "return", "note": "  "}
        )
    assert response.status_code == 200
    assert "This field is required" in response.text
    draft.refresh_from_db()
    assert draft.status == Offer.Status.REVIEW and mail.outbox == []


def test_reviewer_can_take_a_published_offer_down(client_for, offer):
    client_for("coordinator").post(
        f"{QUEUE}{offer.slug}/", {"action": "return", "note": "Nieaktualne"}
    )
    offer.refresh_from_db()
    assert offer.status == Offer.Status.DRAFT
    assert client_for("anonymous").get(page(offer.slug)).status_code == 404


def test_publishing_a_closed_offer_is_refused(client_for, offer, users):
    offer_services.close_offer(offer=offer, by=users["representative"])
    response = client_for("coordinator").post(
        f"{QUEUE}{offer.slug}/", {"action": "publish"}, follow=True
    )
    assert "Only a draft or an offer awaiting review can be published" in response.text
    offer.refresh_from_db()
    assert offer.status == Offer.Status.CLOSED


def test_publishing_an_expired_offer_is_refused(users, organization):
    offer = make_offer(
        organization,
        "Stara",
        status=Offer.Status.REVIEW,
        expires_on=TODAY() - datetime.timedelta(days=3),
    )
    with pytest.raises(ValidationError) as error:
        offer_services.publish_offer(offer=offer, by=users["coordinator"])
    assert "expires_on" in error.value.message_dict
    offer.refresh_from_db()
    assert offer.status == Offer.Status.REVIEW


def test_only_reviewers_publish_through_the_service(users, draft):
    with pytest.raises(ValidationError):
        offer_services.publish_offer(offer=draft, by=users["representative"])
    with pytest.raises(ValidationError):
        offer_services.return_offer(offer=draft, by=users["analyst"], note="x")


def test_host_emails_fall_back_to_the_organisation(users, db):
    org = make_organization("Grupa bez kont", email="grupa@example.org")
    offer = make_offer(org, "Bez przedstawicieli")
    assert offer_services.host_emails(offer) == ["grupa@example.org"]


# --- closing and filled ------------------------------------------------------------------------


def test_host_closes_an_offer(client_for, offer):
    response = client_for("representative").post(page(offer.slug, "zamknij/"))
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == Offer.Status.CLOSED
    assert count_log("volunteering.offer.closed") == 1
    assert offer.title not in client_for("anonymous").get(INDEX).text
    again = client_for("representative").post(page(offer.slug, "zamknij/"), follow=True)
    assert "already closed" in again.text


@pytest.mark.parametrize(
    "persona", ["anonymous", "representative_other_org", "volunteer", "analyst"]
)
def test_others_cannot_close(client_for, offer, persona):
    expected = 302 if persona == "anonymous" else 404
    assert client_for(persona).post(page(offer.slug, "zamknij/")).status_code == expected
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED


def accept(offer, user):
    return Application.objects.create(
        offer=offer, volunteer=user, message="Chętnie", status=Application.Status.ACCEPTED
    )


def test_refresh_filled_follows_accepted_applications(offer, users):
    offer.places = 2
    offer.save()
    accept(offer, users["volunteer"])
    assert offer_services.refresh_filled(offer=offer).status == Offer.Status.PUBLISHED
    second = accept(offer, users["resident"])
    assert offer_services.refresh_filled(offer=offer).status == Offer.Status.FILLED
    assert count_log("volunteering.offer.filled") == 1
    second.status = Application.Status.WITHDRAWN
    second.save()
    assert offer_services.refresh_filled(offer=offer).status == Offer.Status.PUBLISHED
    assert count_log("volunteering.offer.reopened") == 1


def test_refresh_filled_leaves_other_statuses_alone(draft, users):
    accept(draft, users["volunteer"])
    assert offer_services.refresh_filled(offer=draft).status == Offer.Status.DRAFT


def test_adding_places_reopens_a_filled_offer(offer, users, organization):
    accept(offer, users["volunteer"])
    offer_services.refresh_filled(offer=offer)
    offer.refresh_from_db()
    assert offer.status == Offer.Status.FILLED
    offer_services.update_offer(offer=offer, data={"places": 2}, by=users["representative"])
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED


def test_filled_offer_page_says_so(client, offer, users):
    accept(offer, users["volunteer"])
    offer_services.refresh_filled(offer=offer)
    assert client.get(page(offer.slug)).status_code == 404
    assert offer.title not in client.get(INDEX).text


# --- the host's list ---------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_host_offers_list_access(client_for, persona, offer):
    expected = {
        "anonymous": 302,
        "representative": 200,
        "representative_other_org": 200,
        **dict.fromkeys(REVIEWERS, 200),
    }.get(persona, 404)
    assert client_for(persona).get(MINE).status_code == expected


def test_host_sees_own_offers_in_every_status(client_for, offer, draft, other_offer, users):
    accept(offer, users["volunteer"])
    text = client_for("representative").get(MINE).text
    assert offer.title in text and draft.title in text
    assert other_offer.title not in text
    assert other_offer.title in client_for("coordinator").get(MINE).text


def test_host_offers_query_count_is_flat(
    client_for, organization, users, django_assert_max_num_queries
):
    for i in range(20):
        accept(make_offer(organization, f"Oferta {i}"), users["volunteer"])
    client = client_for("representative")
    with django_assert_max_num_queries(10):
        assert client.get(MINE).status_code == 200


# --- demo --------------------------------------------------------------------------------------


def test_demo_offers_are_idempotent_and_valid(users, organization):
    organizations = {spec["host"]: organization for spec in OFFERS}
    districts = {district.slug: district for district in District.objects.all()}
    from pomyslowice.core.models import AreaOfBenefit

    areas = {area.code: area for area in AreaOfBenefit.objects.all()}
    first = seed_demo(users=users, organizations=organizations, areas=areas, districts=districts)
    assert first["counts"]["offers created"] == len(OFFERS)
    assert len(first["skills"]) == len(SKILLS)
    second = seed_demo(users=users, organizations=organizations, areas=areas, districts=districts)
    assert second["counts"]["offers created"] == 0
    assert Offer.objects.count() == len(OFFERS)
    ages = set(Offer.objects.values_list("min_age", flat=True))
    assert {10, 13, 16, 18} <= ages
    assert Offer.objects.filter(is_remote=True).exists()
    assert Offer.objects.filter(works_with_children=True).exists()
    assert Offer.objects.filter(status=Offer.Status.REVIEW).exists()
    assert {schedule for schedule, _label in Offer.Schedule.choices} == set(
        Offer.objects.values_list("schedule", flat=True)
    )


def test_user_without_birth_date_sees_every_offer(client, offer, youth_offer):
    adult_without_date = create_user("bez-daty@example.org")
    client.force_login(adult_without_date)
    assert offer.title in client.get(INDEX).text


def test_eighteenth_birthday_opens_adult_offers(client, offer):
    today = timezone.localdate()
    turning = create_user("urodziny@example.org", birth_date=years_ago(18, days=0))
    assert turning.birth_date == today.replace(year=today.year - 18)
    client.force_login(turning)
    assert offer.title in client.get(INDEX).text


# --- admin -------------------------------------------------------------------------------------


def test_admin_lists_every_volunteering_model_and_offers_cannot_be_added_there(
    client, offer, users
):
    from django.contrib import admin

    from pomyslowice.accounts.models import User

    accept(offer, users["volunteer"])
    client.force_login(User.objects.create_superuser("root@example.org", "x"))
    models = [model for model in admin.site._registry if model._meta.app_label == "volunteering"]
    assert len(models) == 11  # Agreements, hours and consents are shown inline
    for model in models:
        url = f"/en/admin/volunteering/{model._meta.model_name}/"
        assert client.get(url).status_code == 200, url
    change = client.get(f"/en/admin/volunteering/offer/{offer.pk}/change/")
    assert change.status_code == 200 and str(users["volunteer"]) in change.text
    assert client.get("/en/admin/volunteering/offer/add/").status_code == 403
    assert client.get("/en/admin/volunteering/skill/add/").status_code == 200


def test_coordinator_may_correct_an_offer_in_the_admin_but_not_its_status(client_for, offer):
    client = client_for("coordinator")
    change = client.get(f"/en/admin/volunteering/offer/{offer.pk}/change/")
    assert change.status_code == 200
    assert 'name="title"' in change.text and 'name="status"' not in change.text


# --- races -------------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_concurrent_decisions_on_one_offer_publish_it_once(users, organization):
    offer = make_offer(organization, "Wyścig recenzentów", status=Offer.Status.REVIEW)
    reviewers = [users["coordinator"], users["volunteer_caretaker"]] * 3

    def decide(index: int) -> str:
        return offer_services.publish_offer(offer=offer, by=reviewers[index]).status

    outcomes = race(decide, len(reviewers))

    assert sorted(outcomes) == sorted(["published"] + ["ValidationError"] * (len(reviewers) - 1))
    assert count_log("volunteering.offer.published") == 1
    assert len(mail.outbox) == 1


def test_host_offers_paginate(client_for, organization):
    for i in range(55):
        make_offer(organization, f"Oferta {i:02d}")
    client = client_for("representative")
    assert client.get(MINE).text.count('<th scope="row">') == 50
    assert client.get(MINE, {"page": 2}).text.count('<th scope="row">') == 5


def test_demo_offers_load_for_the_real_demo_organisations(db):
    from pomyslowice.organizations import demo as organizations_demo

    inputs = organizations_demo.seed()
    result = seed_demo(**inputs)
    assert result["counts"]["offers created"] == len(OFFERS)
    assert Offer.objects.open().count() == len(OFFERS) - 1
    kinds = set(Offer.objects.values_list("host__kind", flat=True))
    assert {"jednostka-publiczna", "stowarzyszenie", "grupa-nieformalna"} <= kinds
    assert seed_demo(**inputs)["counts"]["offers created"] == 0


@pytest.mark.parametrize("count", [3, 30])
def test_index_lists_each_offer_once_in_constant_queries(
    client, organization, skills, area, count, django_assert_max_num_queries
):
    both_skills = [skills["obsluga-komputera"], skills["grafika"]]
    offers = [
        make_offer(organization, f"Oferta {i:02d}", skills=both_skills, areas=[area])
        for i in range(count)
    ]
    params = {"obszar": area.slug, "umiejetnosc": "grafika"}
    with django_assert_max_num_queries(9):  # 7 + the area and the skill of the filters
        page = client.get(INDEX, params).context["page"]
    assert page.paginator.count == count
    assert [offer.pk for offer in page] == [offer.pk for offer in reversed(offers)][:20]
