"""Matching (/wolontariat/dla-mnie/, /wolontariat/oferty/<slug>/wolontariusze/) and the weekly
digest: a hand-made world of offers and volunteers, ranked both ways, with the reasons shown."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from pomyslowice.core.models import AreaOfBenefit, AuditLogEntry, District
from pomyslowice.volunteering import matching
from pomyslowice.volunteering.models import Offer, ProfileConsent, VolunteerProfile
from tests.conftest import PERSONAS, create_user
from tests.events.test_registration_concurrency import race

from .conftest import MONDAY_AFTERNOON, SATURDAY_MORNING, TUESDAY_EVENING, make_offer, make_profile
from .conftest import years_ago as born

OFFERS_FOR_ME = "/wolontariat/dla-mnie/"
ENGLISH_OFFERS_FOR_ME = "/en/wolontariat/dla-mnie/"


def volunteers_url(offer) -> str:
    return f"/wolontariat/oferty/{offer.slug}/wolontariusze/"


@pytest.fixture(autouse=True)
def english():
    """Reasons are compared in the source language, whatever the catalogue says."""
    with translation.override("en"):
        yield


def district_at(slug: str) -> District:
    return District.objects.get(slug=slug)


@pytest.fixture
def interests(db):
    def make(name, position):
        return AreaOfBenefit.objects.create(
            code=f"t{position}", name=name, slug=f"test-{position}", position=900 + position
        )

    return {"kultura": make("Kultura", 1), "ekologia": make("Ekologia", 2)}


@pytest.fixture
def world(users, child, organization, skills, interests, district):
    """Offers of the representative's organisation and five volunteers, all hand-placed.

    Piasek → Centrum 0.94 km (12 points), → Dziećkowice 5.9 km (0); Centrum → Larysz 1.69 km (10),
    → Dziećkowice 6.78 km (0)."""
    grafika, prawo_jazdy, korepetycje = (
        skills["grafika"],
        skills["prawo-jazdy"],
        skills["korepetycje"],
    )
    kultura, ekologia = interests["kultura"], interests["ekologia"]
    now = timezone.now()
    offers = {
        "posters": make_offer(
            organization,
            "Plakaty na festyn",
            skills=[grafika],
            areas=[kultura],
            district=district,
            availability=MONDAY_AFTERNOON,
            min_age=18,
        ),
        "driver": make_offer(
            organization,
            "Kierowca dla banku żywności",
            skills=[prawo_jazdy],
            district=district_at("centrum"),
            availability=TUESDAY_EVENING,
            min_age=18,
        ),
        "website": make_offer(
            organization,
            "Strona internetowa zdalnie",
            skills=[grafika],
            is_remote=True,
            schedule=Offer.Schedule.FLEXIBLE,
            availability=0,
            min_age=16,
        ),
        "tutoring": make_offer(
            organization,
            "Korepetycje w Dziećkowicach",
            skills=[korepetycje],
            areas=[kultura],
            district=district_at("dzieckowice"),
            schedule=Offer.Schedule.ONE_OFF,
            availability=SATURDAY_MORNING,
            min_age=12,
        ),
        "forest": make_offer(
            organization,
            "Sprzątanie lasu",
            areas=[ekologia],
            district=district_at("larysz-hajdowizna"),
            availability=SATURDAY_MORNING,
            min_age=13,
        ),
        "online": make_offer(
            organization,
            "Korepetycje online",
            skills=[korepetycje],
            is_remote=True,
            district=district_at("centrum"),
            availability=TUESDAY_EVENING,
            min_age=18,
        ),
        "workshop": make_offer(
            organization,
            "Warsztaty dla młodzieży",
            skills=[korepetycje],
            district=district_at("centrum"),
            availability=TUESDAY_EVENING,
            min_age=13,
        ),
        # Never matched: not open.
        "draft": make_offer(
            organization, "Szkic oferty", skills=[grafika], status=Offer.Status.DRAFT
        ),
        "expired": make_offer(
            organization,
            "Wygasła oferta",
            skills=[grafika],
            expires_on=timezone.localdate() - datetime.timedelta(days=1),
        ),
        "closed": make_offer(
            organization,
            "Zamknięta oferta",
            skills=[grafika],
            status=Offer.Status.CLOSED,
            published_at=now,
        ),
    }
    users["volunteer"].birth_date = born(30)
    users["volunteer"].save(update_fields=["birth_date"])
    bogdan = create_user(
        "bogdan@example.org", first_name="Bogdan", last_name="Stacjonarny", birth_date=born(60)
    )
    profiles = {
        "ania": make_profile(
            users["volunteer"],
            skills=[grafika, prawo_jazdy],
            areas=[kultura],
            district=district,
            visible_to_hosts=True,
        ),
        "bogdan": make_profile(
            bogdan,
            skills=[korepetycje],
            areas=[kultura],
            district=district,
            travels=False,
            visible_to_hosts=True,
            show_name=True,
            show_contact=True,
            phone="600 700 800",
        ),
        "minor": make_profile(
            users["volunteer_minor"],
            skills=[grafika],
            areas=[ekologia],
            district=district_at("centrum"),
            visible_to_hosts=True,
        ),
        "child": make_profile(
            child,
            skills=[korepetycje],
            areas=[kultura],
            district=district_at("centrum"),
            visible_to_hosts=True,
        ),
    }
    return {"offers": offers, "profiles": profiles}


# --- the hand-made table: volunteer x offers → order, score and reasons ------------------------

OFFERS_FOR = {
    # Adult, Piasek, travels; Grafika + Prawo jazdy, Kultura; Monday afternoon + Saturday morning.
    "ania": [
        (
            "posters",
            30 + 20 + 15 + 20,
            [
                "Shares your skills: Grafika",
                "Shares your interests: Kultura",
                "Fits your Monday afternoon",
                "Same district: Piasek",
            ],
        ),
        (
            "website",
            30 + 15 + 20,
            ["Shares your skills: Grafika", "Flexible: at times that suit you", "Remote"],
        ),
        ("driver", 30 + 12, ["Shares your skills: Prawo jazdy", "0.9 km away (Centrum)"]),
        (
            "tutoring",
            20 + 15 + 0,
            [
                "Shares your interests: Kultura",
                "Fits your Saturday morning",
                "5.9 km away (Dziećkowice)",
            ],
        ),
    ],
    # Adult, Piasek, does not travel; Korepetycje, Kultura: only Piasek and remote offers.
    "bogdan": [
        (
            "posters",
            20 + 15 + 20,
            [
                "Shares your interests: Kultura",
                "Fits your Monday afternoon",
                "Same district: Piasek",
            ],
        ),
        ("online", 30 + 20, ["Shares your skills: Korepetycje", "Remote"]),
    ],
    # 16, Centrum; Grafika, Ekologia: no adult-only offers.
    "minor": [
        (
            "website",
            30 + 15 + 20,
            [
                "Shares your skills: Grafika",
                "Flexible: at times that suit you",
                "Remote",
                "Open to your age (from 16)",
            ],
        ),
        (
            "forest",
            20 + 15 + 10,
            [
                "Shares your interests: Ekologia",
                "Fits your Saturday morning",
                "1.7 km away (Larysz-Hajdowizna)",
                "Open to your age (from 13)",
            ],
        ),
    ],
    # 12, Centrum; Korepetycje, Kultura: only offers open from 12 or younger.
    "child": [
        (
            "tutoring",
            30 + 20 + 15 + 0,
            [
                "Shares your skills: Korepetycje",
                "Shares your interests: Kultura",
                "Fits your Saturday morning",
                "6.8 km away (Dziećkowice)",
                "Open to your age (from 12)",
            ],
        ),
    ],
}


@pytest.mark.parametrize("volunteer", OFFERS_FOR)
def test_offers_ranked_for_a_volunteer(world, volunteer):
    ranking = matching.rank_offers_for(world["profiles"][volunteer])
    offer_names = {offer.pk: name for name, offer in world["offers"].items()}
    got = [(offer_names[ranked.item.pk], ranked.score, ranked.reasons) for ranked in ranking.items]
    assert got == OFFERS_FOR[volunteer]
    assert ranking.total == len(OFFERS_FOR[volunteer])


VOLUNTEERS_FOR = {
    # Adult-only: the 16-year-old shares Grafika but is left out; Bogdan lives in Piasek.
    "posters": [
        (
            "ania",
            30 + 20 + 15 + 20,
            [
                "Has the skills wanted: Grafika",
                "Interested in: Kultura",
                "Available Monday afternoon",
                "Same district: Piasek",
            ],
        ),
        (
            "bogdan",
            20 + 15 + 20,
            ["Interested in: Kultura", "Available Monday afternoon", "Same district: Piasek"],
        ),
    ],
    # Remote, flexible, from 16: equal scores, the newer profile first.
    "website": [
        (
            "minor",
            30 + 15 + 20,
            [
                "Has the skills wanted: Grafika",
                "Flexible offer: fits any availability",
                "Remote",
                "Minor: needs a guardian's written consent",
            ],
        ),
        (
            "ania",
            30 + 15 + 20,
            ["Has the skills wanted: Grafika", "Flexible offer: fits any availability", "Remote"],
        ),
    ],
    # Dziećkowice, from 12: Bogdan does not travel there; the child may.
    "tutoring": [
        (
            "child",
            30 + 20 + 15,
            [
                "Has the skills wanted: Korepetycje",
                "Interested in: Kultura",
                "Available Saturday morning",
                "6.8 km away (Centrum)",
                "Minor: needs a guardian's written consent",
            ],
        ),
        (
            "ania",
            20 + 15,
            ["Interested in: Kultura", "Available Saturday morning", "5.9 km away (Piasek)"],
        ),
    ],
    # From 13 in Centrum: too young for the child, too far for Bogdan who does not travel.
    "workshop": [],
}


@pytest.mark.parametrize("offer", VOLUNTEERS_FOR)
def test_volunteers_ranked_for_an_offer(world, users, offer):
    ranking = matching.rank_volunteers_for(world["offers"][offer], viewer=users["representative"])
    profile_names = {profile.pk: name for name, profile in world["profiles"].items()}
    got = [
        (profile_names[ranked.item.profile_id], ranked.score, ranked.reasons)
        for ranked in ranking.items
    ]
    assert got == VOLUNTEERS_FOR[offer]


def test_hosts_never_see_hidden_profiles_nor_unknown_ages(world, users, skills, interests):
    ania = world["profiles"]["ania"]
    ania.visible_to_hosts = False
    ania.save()
    make_profile(
        create_user("bez-daty@example.org", first_name="Bez", last_name="Daty"),
        skills=[skills["grafika"]],
        visible_to_hosts=True,
    )
    make_profile(
        create_user("nieaktywny@example.org", birth_date=born(40), is_active=False),
        skills=[skills["grafika"]],
        visible_to_hosts=True,
    )
    ranking = matching.rank_volunteers_for(
        world["offers"]["posters"], viewer=users["representative"]
    )
    assert [ranked.item.profile_id for ranked in ranking.items] == [world["profiles"]["bogdan"].pk]


@pytest.mark.parametrize("persona", ["resident", "volunteer", "volunteer_minor", "analyst"])
def test_only_hosts_and_staff_may_browse_volunteers(world, users, persona):
    ranking = matching.rank_volunteers_for(world["offers"]["posters"], viewer=users[persona])
    assert ranking.items == [] and ranking.total == 0


def test_host_view_shows_only_what_the_volunteer_allowed(world, users):
    ranking = matching.rank_volunteers_for(
        world["offers"]["posters"], viewer=users["representative"]
    )
    ania, bogdan = (ranked.item for ranked in ranking.items)
    assert (ania.name, ania.email, ania.phone) == (None, None, None)
    assert (bogdan.name, bogdan.email, bogdan.phone) == (
        "Bogdan Stacjonarny",
        "bogdan@example.org",
        "600 700 800",
    )


def test_a_profile_without_skills_or_interests_matches_nothing(world, users):
    profile = world["profiles"]["ania"]
    profile.skills.clear()
    profile.areas.clear()
    assert matching.rank_offers_for(profile).items == []


def test_an_offer_asking_for_nothing_matches_no_volunteer(world, users, organization):
    bare = make_offer(organization, "Oferta bez wymagań")
    assert matching.rank_volunteers_for(bare, viewer=users["representative"]).items == []


def test_limit_keeps_the_best_and_counts_all(world):
    ranking = matching.rank_offers_for(world["profiles"]["ania"], limit=2)
    assert [ranked.item.title for ranked in ranking.items] == [
        "Plakaty na festyn",
        "Strona internetowa zdalnie",
    ]
    assert ranking.total == 4


def test_equal_scores_put_the_more_recently_published_offer_first(world, organization, skills):
    now = timezone.now()
    # Made last (the higher id) but published earlier: publication decides, not the id.
    for title, days_ago in [("Kierowca nowszy", 1), ("Kierowca starszy", 3)]:
        make_offer(
            organization,
            title,
            skills=[skills["prawo-jazdy"]],
            district=district_at("centrum"),
            availability=TUESDAY_EVENING,
            published_at=now - datetime.timedelta(days=days_ago),
        )
    titles = [
        ranked.item.title for ranked in matching.rank_offers_for(world["profiles"]["ania"]).items
    ]
    assert titles.index("Kierowca dla banku żywności") < titles.index("Kierowca nowszy")
    assert titles.index("Kierowca nowszy") < titles.index("Kierowca starszy")


def test_place_points_fall_with_distance_and_never_below_zero():
    place = matching.Place(remote=False, same_district=False, km=None, district=None)
    assert place.points == 0
    assert matching.Place(remote=False, same_district=False, km=1.0, district=None).points == 12
    assert matching.Place(remote=False, same_district=False, km=40.0, district=None).points == 0
    assert matching.Place(remote=True, same_district=False, km=40.0, district=None).points == 20


@pytest.mark.parametrize(
    "travels, remote, offer_district, expected",
    [
        (True, False, "elsewhere", True),
        (False, False, "elsewhere", False),
        (False, True, "elsewhere", True),
        (False, False, "home", True),
        (False, False, None, True),
    ],
)
def test_who_reaches_an_offer(travels, remote, offer_district, expected):
    assert (
        matching.reaches(
            travels=travels, remote=remote, volunteer_district="home", offer_district=offer_district
        )
        is expected
    )


# --- pages -------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_offers_for_me_for_every_persona(client_for, world, persona):
    response = client_for(persona).get(OFFERS_FOR_ME)
    if persona == "anonymous":
        assert response.status_code == 302
        assert "next=/wolontariat/dla-mnie/" in response["Location"]
        return
    assert response.status_code == 200
    content = response.content.decode()
    has_profile = persona in ("volunteer", "volunteer_minor")
    assert (response.context["profile"] is not None) is has_profile
    # To create the profile, or to edit it.
    assert 'href="/wolontariat/profil/"' in content
    assert ("Plakaty na festyn" in content) is (persona == "volunteer")
    assert ("Strona internetowa zdalnie" in content) is has_profile


def test_offers_for_me_shows_the_reasons(client_for, world):
    content = client_for("volunteer").get(ENGLISH_OFFERS_FOR_ME).content.decode()
    for reason in ["Shares your skills: Grafika", "0.9 km away (Centrum)", "Remote"]:
        assert reason in content
    assert "4 offers match your profile." in content
    assert content.index("Plakaty na festyn") < content.index("Strona internetowa zdalnie")
    assert "Szkic oferty" not in content and "Wygasła oferta" not in content


def test_offers_for_me_without_a_profile_points_to_the_profile_page(client_for, world):
    content = client_for("resident").get(ENGLISH_OFFERS_FOR_ME).content.decode()
    assert "Create your volunteer profile" in content
    assert 'href="/en/wolontariat/profil/"' in content


VOLUNTEERS_PAGE_STATUS = {
    "anonymous": 302,
    "resident": 404,
    "representative": 200,
    "representative_other_org": 404,
    "volunteer": 404,
    "volunteer_minor": 404,
    "coordinator": 200,
    "analyst": 404,
    "ngo_caretaker": 404,
    "volunteer_caretaker": 200,
    "technical_admin": 404,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_volunteers_for_offer_for_every_persona(client_for, world, persona):
    expected = VOLUNTEERS_PAGE_STATUS[persona]
    response = client_for(persona).get(volunteers_url(world["offers"]["posters"]))
    assert response.status_code == expected
    if expected == 200:
        assert "Bogdan Stacjonarny" in response.content.decode()


def test_volunteers_for_another_hosts_offer_or_a_forged_slug_is_404(client_for, world, other_offer):
    client = client_for("representative")
    assert client.get(volunteers_url(other_offer)).status_code == 404
    assert client.get("/wolontariat/oferty/nie-ma-takiej/wolontariusze/").status_code == 404


def test_volunteers_page_respects_visibility_flags(client_for, world):
    ania = world["profiles"]["ania"]
    ania.about, ania.experience, ania.show_experience = "Rysuję komiksy.", "Gazetka szkolna.", False
    ania.phone = "500 111 222"
    ania.save()
    bogdan = world["profiles"]["bogdan"]
    bogdan.about = "Uczę matematyki."
    bogdan.save()
    response = client_for("representative").get("/en" + volunteers_url(world["offers"]["posters"]))
    content = response.content.decode()
    assert "Volunteer 1 (name not shown)" in content
    for hidden in ["Wiktor", "Wolny", "wolontariusz@example.org", "500 111 222", "komiksy"]:
        assert hidden not in content
    for shown in ["Bogdan Stacjonarny", "bogdan@example.org", "600 700 800", "Uczę matematyki."]:
        assert shown in content
    assert "Has the skills wanted: Grafika" in content
    assert "Mateusz" not in content  # the 16-year-old: adult-only offer


def test_offers_for_me_query_count_does_not_grow(
    client_for, world, organization, skills, django_assert_max_num_queries
):
    client = client_for("volunteer")
    with django_assert_max_num_queries(12) as few:
        client.get(OFFERS_FOR_ME)
    for i in range(40):
        make_offer(organization, f"Dodatkowa oferta {i}", skills=[skills["grafika"]])
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(OFFERS_FOR_ME)
    assert response.context["ranking"].total == 44


def test_volunteers_page_query_count_does_not_grow(
    client_for, world, skills, django_assert_max_num_queries
):
    client = client_for("representative")
    url = volunteers_url(world["offers"]["posters"])
    # 16 + the personal-data access log's entry (and its content type, on first use)
    with django_assert_max_num_queries(18) as few:
        client.get(url)
    for i in range(30):
        make_profile(
            create_user(f"chetny-{i}@example.org", birth_date=born(20 + i)),
            skills=[skills["grafika"]],
            visible_to_hosts=True,
            show_name=True,
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.context["ranking"].total == 32


# --- the weekly digest -------------------------------------------------------------------------


def ask_for_digest(profile: VolunteerProfile, *, consent=True) -> None:
    profile.digest = True
    profile.save(update_fields=["digest"])
    if consent:
        ProfileConsent.objects.create(
            profile=profile, purpose=ProfileConsent.Purpose.DIGEST, wording="Tygodniowy e-mail."
        )


@pytest.fixture
def send(django_capture_on_commit_callbacks, settings):
    """Run the command (e-mails sent once committed), in English; return what it printed."""
    settings.LANGUAGE_CODE = "en"

    def run(*args) -> str:
        out = io.StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_volunteer_digest", *args, stdout=out)
        return out.getvalue()

    return run


def test_digest_sends_new_matching_offers_with_reasons(world, send, mailoutbox):
    ania, minor = world["profiles"]["ania"], world["profiles"]["minor"]
    ask_for_digest(ania)
    ask_for_digest(minor)
    ania.user.language = "en"
    ania.user.save(update_fields=["language"])
    old = world["offers"]["driver"]
    old.published_at = timezone.now() - datetime.timedelta(days=8)
    old.save()
    output = send()
    assert "Volunteer digests sent: 2; nothing new: 0; sent recently: 0" in output
    by_recipient = {mail.to[0]: mail for mail in mailoutbox}
    assert sorted(by_recipient) == ["mlody-wolontariusz@example.org", "wolontariusz@example.org"]
    mail = by_recipient["wolontariusz@example.org"]
    assert mail.subject == "3 new volunteer offers for you"
    for expected in [
        "1. Plakaty na festyn (Stowarzyszenie Przyjaciół Piasku)",
        "/wolontariat/oferty/plakaty-na-festyn/",
        "   - Shares your skills: Grafika",
        "   - Same district: Piasek",
        "2. Strona internetowa zdalnie",
        "3. Korepetycje w Dziećkowicach",
        "/wolontariat/dla-mnie/",
        "/wolontariat/profil/",
    ]:
        assert expected in mail.body
    assert "Kierowca" not in mail.body  # published before the last 7 days
    minor_mail = by_recipient["mlody-wolontariusz@example.org"]
    assert "Plakaty na festyn" not in minor_mail.body  # adult-only
    assert "Open to your age (from 16)" in minor_mail.body
    ania.refresh_from_db()
    assert ania.last_digest_at is not None
    assert AuditLogEntry.objects.filter(verb="volunteering.digest.sent").count() == 2


def test_digest_is_not_repeated_within_the_week_unless_forced(
    world, send, mailoutbox, organization, skills
):
    ask_for_digest(world["profiles"]["ania"])
    send()
    assert len(mailoutbox) == 1
    assert "sent: 0; nothing new: 0; sent recently: 1" in send()
    assert len(mailoutbox) == 1
    # Forced, but nothing published since the last digest: still no e-mail.
    assert "sent: 0; nothing new: 1; sent recently: 0" in send("--force")
    make_offer(organization, "Nowe plakaty", skills=[skills["grafika"]])
    assert "sent: 1;" in send("--force")
    assert len(mailoutbox) == 2
    assert "1. Nowe plakaty" in mailoutbox[1].body
    assert "Plakaty na festyn" not in mailoutbox[1].body


def test_digest_after_a_week_has_only_what_is_new_since_the_last_one(world, send, mailoutbox):
    ania = world["profiles"]["ania"]
    ask_for_digest(ania)
    last = timezone.now() - datetime.timedelta(days=6, hours=1)
    VolunteerProfile.objects.filter(pk=ania.pk).update(last_digest_at=last)
    Offer.objects.filter(pk=world["offers"]["posters"].pk).update(
        published_at=last - datetime.timedelta(minutes=1)
    )
    assert "Volunteer digests sent: 1;" in send()
    assert "Plakaty na festyn" not in mailoutbox[0].body
    assert "1. Strona internetowa zdalnie" in mailoutbox[0].body


@pytest.mark.parametrize("case", ["no consent", "withdrawn", "digest off", "inactive"])
def test_digest_respects_consent_and_choice(world, send, mailoutbox, case):
    ania = world["profiles"]["ania"]
    ask_for_digest(ania, consent=case != "no consent")
    if case == "withdrawn":
        ProfileConsent.objects.update(withdrawn_at=timezone.now())
    if case == "digest off":
        VolunteerProfile.objects.filter(pk=ania.pk).update(digest=False)
    if case == "inactive":
        ania.user.is_active = False
        ania.user.save()
    assert "Volunteer digests sent: 0; nothing new: 0; sent recently: 0" in send()
    assert mailoutbox == []
    ania.refresh_from_db()
    assert ania.last_digest_at is None


def test_digest_without_new_matches_sends_nothing_and_keeps_the_date(world, send, mailoutbox):
    bogdan = world["profiles"]["bogdan"]
    ask_for_digest(bogdan)
    Offer.objects.update(published_at=timezone.now() - datetime.timedelta(days=30))
    assert "sent: 0; nothing new: 1;" in send()
    assert mailoutbox == []
    bogdan.refresh_from_db()
    assert bogdan.last_digest_at is None


@pytest.mark.django_db(transaction=True)
def test_digest_runs_at_once_send_one_e_mail(users, organization, skills, mailoutbox):
    # Its own few rows: earlier tests of this kind empty the tables, reference districts too.
    make_offer(organization, "Plakaty na festyn", skills=[skills["grafika"]])
    ask_for_digest(make_profile(users["volunteer"], skills=[skills["grafika"]]))

    outcomes = race(lambda i: matching.send_digests().sent, 5)

    assert sorted(outcomes) == [0, 0, 0, 0, 1]
    assert [mail.to for mail in mailoutbox] == [["wolontariusz@example.org"]]
