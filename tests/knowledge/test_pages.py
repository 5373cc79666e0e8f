"""Pages of the knowledge base for every persona: reading, writing, reviewing, history."""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from pomyslowice.knowledge import services
from pomyslowice.knowledge.models import Article, ArticleRevision
from tests.conftest import PERSONAS

from .conftest import make_article

pytestmark = pytest.mark.django_db

EDITORS = {"coordinator", "ngo_caretaker"}
DRAFT_READERS = EDITORS | {"analyst", "volunteer_caretaker"}


def expected(persona, allowed, *, login_redirect=True):
    if persona in allowed:
        return 200
    return 302 if persona == "anonymous" and login_redirect else 404


@pytest.mark.parametrize("persona", PERSONAS)
def test_published_article_readable_by_everyone(client_for, article, persona):
    response = client_for(persona).get(article.get_absolute_url())
    assert response.status_code == 200
    assert article.title in response.content.decode()


@pytest.mark.parametrize("persona", PERSONAS)
def test_list_shows_only_published(client_for, article, proposal, persona):
    scheduled = make_article("Zaplanowany", published_at=timezone.now() + timedelta(hours=1))
    archived = make_article(
        "Zarchiwizowany",
        status=Article.Status.ARCHIVED,
        published_at=timezone.now() - timedelta(days=3),
    )
    text = client_for(persona).get("/wiedza/").content.decode()
    assert article.title in text
    for hidden in (proposal, scheduled, archived):
        assert hidden.title not in text


@pytest.mark.parametrize("persona", PERSONAS)
def test_draft_visibility(client_for, proposal, persona):
    allowed = DRAFT_READERS | {"representative"}
    status = client_for(persona).get(proposal.get_absolute_url()).status_code
    assert status == (200 if persona in allowed else 404)


@pytest.mark.parametrize("persona", PERSONAS)
def test_scheduled_article_hidden_until_its_moment(client_for, persona):
    article = make_article("Zaplanowany", published_at=timezone.now() + timedelta(hours=1))
    status = client_for(persona).get(article.get_absolute_url()).status_code
    assert status == (200 if persona in DRAFT_READERS else 404)
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    assert client_for(persona).get(article.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("persona", PERSONAS)
def test_archived_article_readable_with_notice(client_for, persona):
    article = make_article(
        "Stara regulacja",
        status=Article.Status.ARCHIVED,
        published_at=timezone.now() - timedelta(days=400),
    )
    response = client_for(persona).get("/en" + article.get_absolute_url())
    assert response.status_code == 200
    assert "This article is archived" in response.content.decode()


@pytest.mark.parametrize("persona", PERSONAS)
def test_editor_pages(client_for, proposal, article, persona):
    client = client_for(persona)
    assert client.get("/wiedza/nowy/").status_code == expected(
        persona, EDITORS | {"representative", "representative_other_org"}
    )
    assert client.get(f"/wiedza/{proposal.slug}/edytuj/").status_code == expected(
        persona, EDITORS | {"representative"}
    )
    assert client.get(f"/wiedza/{article.slug}/edytuj/").status_code == expected(persona, EDITORS)
    assert client.get("/wiedza/do-przegladu/").status_code == expected(persona, DRAFT_READERS)
    assert client.get(f"/wiedza/{article.slug}/historia/").status_code == expected(
        persona, DRAFT_READERS
    )
    assert client.get("/wiedza/moje/").status_code == expected(
        persona, EDITORS | {"representative", "representative_other_org"}
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_publish_post_only_for_editors(client_for, proposal, persona):
    proposal.status = Article.Status.IN_REVIEW
    proposal.save()
    client_for(persona).post(f"/wiedza/{proposal.slug}/opublikuj/")
    proposal.refresh_from_db()
    assert (proposal.status == Article.Status.PUBLISHED) == (persona in EDITORS)


def test_publish_is_post_only(client_for, proposal):
    assert client_for("coordinator").get(f"/wiedza/{proposal.slug}/opublikuj/").status_code == 405


def test_representative_writes_and_submits_via_pages(client_for, organization, users):
    client = client_for("representative")
    response = client.post(
        "/wiedza/nowy/",
        {
            "kind": "good-practice",
            "title": "Ławki dla seniorów na Piasku",
            "lead": "Jak w trzy miesiące postawiliśmy 12 ławek.",
            "body": "<p>Opis</p>",
            "problem": "Brak miejsc do odpoczynku",
            "tags": "seniorzy, przestrzeń publiczna",
            "organizations": [organization.pk],
        },
    )
    article = Article.objects.get()
    assert response.status_code == 302 and response["Location"].endswith("/edytuj/")
    assert article.author == users["representative"] and article.problem.startswith("Brak")
    client.post(f"/wiedza/{article.slug}/wyslij/")
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW
    assert article.slug in client.get("/wiedza/moje/").content.decode()
    assert article.title in client_for("analyst").get("/wiedza/do-przegladu/").content.decode()


def test_representative_cannot_pick_research(client_for, organization):
    response = client_for("representative").post(
        "/en/wiedza/nowy/",
        {"kind": "research", "title": "Badanie", "organizations": [organization.pk]},
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Article.objects.exists()


def test_editor_returns_with_note_and_schedules(client_for, proposal):
    proposal.status = Article.Status.IN_REVIEW
    proposal.save()
    client = client_for("coordinator")
    client.post(f"/wiedza/{proposal.slug}/zwroc/", {"note": "Dopisz wyniki."})
    proposal.refresh_from_db()
    assert proposal.status == Article.Status.DRAFT and proposal.status_note == "Dopisz wyniki."
    later = timezone.localtime() + timedelta(days=3)
    client.post(f"/wiedza/{proposal.slug}/opublikuj/", {"at": later.strftime("%Y-%m-%dT%H:%M")})
    proposal.refresh_from_db()
    assert proposal.status == Article.Status.PUBLISHED and proposal.is_scheduled
    assert proposal.title in client.get("/wiedza/do-przegladu/").content.decode()


def test_kind_pages_tags_filters_and_search(client, area):
    practice = make_article(
        "Dobra praktyka z Brzezinki",
        kind=Article.Kind.GOOD_PRACTICE,
        tags=["seniorzy"],
        areas=[area],
    )
    regulation = make_article(
        "Ustawa o wolontariacie",
        kind=Article.Kind.REGULATION,
        body="<p>Porozumienie wolontariackie</p>",
    )
    text = client.get("/wiedza/dobra-praktyka/").content.decode()
    assert practice.title in text and regulation.title not in text
    text = client.get("/wiedza/?rodzaj=regulacja").content.decode()
    assert regulation.title in text and practice.title not in text
    text = client.get("/wiedza/tag/seniorzy/").content.decode()
    assert practice.title in text and regulation.title not in text
    text = client.get(f"/wiedza/?obszar={area.slug}").content.decode()
    assert practice.title in text and regulation.title not in text
    text = client.get("/wiedza/?q=wolontariackie").content.decode()
    assert regulation.title in text and practice.title not in text
    assert client.get("/wiedza/?rodzaj=nieznany&page=x").status_code == 200
    assert client.get("/wiedza/tag/nie-ma/").status_code == 404


def test_detail_kind_sections_related_and_json_ld(client, area, organization):
    practice = make_article(
        "Sąsiedzka spółdzielnia",
        kind=Article.Kind.GOOD_PRACTICE,
        problem="Samotność",
        results="40 osób",
        tags=["sąsiedztwo"],
        areas=[area],
        organizations=[organization],
        lead="Lead </script><script>alert(1)</script>",
    )
    related = make_article("Inna praktyka", tags=["sąsiedztwo"])
    unrelated = make_article("Zupełnie inny temat")
    text = client.get("/en" + practice.get_absolute_url()).content.decode()
    assert "The practice in brief" in text and "Samotność" in text
    assert related.title in text and unrelated.title not in text
    assert organization.name in text
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S).group(1)
    )
    assert data["@type"] == "Article" and data["headline"] == practice.title
    assert data["datePublished"]
    assert "<script>alert" not in text


def test_revision_history_diff_and_restore(client_for, users):
    editor = users["coordinator"]
    article = services.create_article(
        data={"kind": "news", "title": "Stary tytuł", "body": "<p>A & B</p>", "tags": []},
        by=editor,
    )
    services.update_article(
        article=article,
        data={"title": "Nowy <b>tytuł</b>", "body": "<p>A & C</p>"},
        by=editor,
        note="poprawka",
    )
    old, new = article.revisions.order_by("pk")
    client = client_for("coordinator")
    assert "poprawka" in client.get(f"/wiedza/{article.slug}/historia/").content.decode()
    text = client.get(f"/en/wiedza/{article.slug}/historia/{new.pk}/").content.decode()
    assert "<del>-Stary tytuł</del>" in text
    assert "<ins>+Nowy &lt;b&gt;tytuł&lt;/b&gt;</ins>" in text
    assert "Text" in text
    assert (
        client_for("analyst")
        .post(f"/wiedza/{article.slug}/historia/{old.pk}/przywroc/")
        .status_code
        == 302
    )
    article.refresh_from_db()
    assert article.title == "Nowy <b>tytuł</b>"  # the analyst may not restore
    client.post(f"/wiedza/{article.slug}/historia/{old.pk}/przywroc/")
    article.refresh_from_db()
    assert article.title == "Stary tytuł"
    assert ArticleRevision.objects.filter(article=article).count() == 3
    other = make_article("Inny")
    assert client.get(f"/wiedza/{other.slug}/historia/{old.pk}/").status_code == 404


def test_list_query_count_is_flat(client, django_assert_max_num_queries, area):
    for i in range(30):
        make_article(f"Artykuł {i}", tags=["a", f"t{i}"], areas=[area])
    with django_assert_max_num_queries(8):
        assert client.get("/wiedza/").status_code == 200
    with django_assert_max_num_queries(16):
        assert client.get("/wiedza/artykul-0/").status_code == 200


def test_slug_cannot_take_reserved_word(users):
    article = services.create_article(
        data={"kind": "news", "title": "Nowy", "tags": []}, by=users["coordinator"]
    )
    assert article.slug != "nowy"


def test_bad_publication_moment_changes_nothing(client_for, proposal):
    response = client_for("coordinator").post(
        f"/en/wiedza/{proposal.slug}/opublikuj/", {"at": "jutro rano"}, follow=True
    )
    assert "Enter a valid date/time" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == Article.Status.DRAFT


def test_return_without_note_changes_nothing(client_for, proposal):
    proposal.status = Article.Status.IN_REVIEW
    proposal.save()
    response = client_for("coordinator").post(
        f"/en/wiedza/{proposal.slug}/zwroc/", {"note": ""}, follow=True
    )
    assert "Tell the author what to change" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == Article.Status.IN_REVIEW


def test_tags_of_drafts_are_not_offered(client, proposal, article):
    make_article("Szkic z tajnym tagiem", status=Article.Status.DRAFT, tags=["tajny-projekt"])
    text = client.get("/wiedza/").content.decode()
    assert "tajny-projekt" not in text and 'value="dotacje"' in text
    assert client.get("/wiedza/tag/tajny-projekt/").status_code == 404
    other = make_article("Inny artykuł", tags=["inne"])
    text = client.get("/wiedza/tag/dotacje/").content.decode()
    assert article.title in text and other.title not in text
