"""Atom feeds per kind, the public API, the search registration and the demo loader."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from pomyslowice.knowledge import demo
from pomyslowice.knowledge.models import Article
from pomyslowice.knowledge.search import article_document
from pomyslowice.search.registry import kind_of

from .conftest import make_article

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def test_feed_per_kind_lists_only_published(client):
    news = make_article("Nowy punkt konsultacyjny", kind=Article.Kind.NEWS, tags=["mops"])
    make_article("Szkic", kind=Article.Kind.NEWS, status=Article.Status.DRAFT)
    make_article("Później", kind=Article.Kind.NEWS, published_at=timezone.now() + timedelta(days=1))
    make_article("Regulacja", kind=Article.Kind.REGULATION)
    response = client.get("/wiedza/kanal/aktualnosci.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
    assert titles == [news.title]
    assert client.get("/wiedza/kanal/nieznany.xml").status_code == 404


def test_feed_query_count_is_flat(client, django_assert_max_num_queries):
    for i in range(20):
        make_article(f"Aktualność {i}", kind=Article.Kind.NEWS, tags=[f"t{i}"])
    with django_assert_max_num_queries(4):
        client.get("/wiedza/kanal/aktualnosci.xml")


def test_api_lists_published_with_filters(client, area, organization):
    practice = make_article(
        "Praktyka",
        kind=Article.Kind.GOOD_PRACTICE,
        problem="Problem",
        tags=["seniorzy"],
        areas=[area],
        organizations=[organization],
    )
    make_article("Regulacja", kind=Article.Kind.REGULATION, act_date=timezone.localdate())
    make_article("Szkic", status=Article.Status.DRAFT)
    make_article("Później", published_at=timezone.now() + timedelta(days=1))
    data = client.get("/api/v1/articles").json()
    assert data["count"] == 2
    data = client.get("/api/v1/articles?kind=good-practice").json()
    assert [item["slug"] for item in data["items"]] == [practice.slug]
    item = data["items"][0]
    assert item["details"]["problem"] == "Problem"
    assert item["tags"] == [{"slug": "seniorzy", "name": "seniorzy"}]
    assert item["organizations"] == [
        {"id": organization.pk, "slug": organization.slug, "name": organization.name}
    ]
    assert client.get("/api/v1/articles?tag=seniorzy").json()["count"] == 1
    assert client.get(f"/api/v1/articles?area={area.slug}").json()["count"] == 1
    assert client.get("/api/v1/articles?kind=nonsense").status_code in (400, 422)
    detail = client.get(f"/api/v1/articles/{practice.slug}").json()
    assert detail["title"] == "Praktyka"
    assert client.get("/api/v1/articles/szkic").status_code == 404


def test_api_query_count_is_flat(client, django_assert_max_num_queries, area):
    for i in range(30):
        make_article(f"Artykuł {i}", tags=["a"], areas=[area])
    with django_assert_max_num_queries(8):
        assert client.get("/api/v1/articles?limit=30").status_code == 200


def test_search_document_only_when_published():
    article = make_article(
        "Jak rozliczyć dotację",
        kind=Article.Kind.GOOD_PRACTICE,
        body="<p>Sprawozdanie <b>końcowe</b></p>",
        problem="Termin",
    )
    searchable = kind_of(Article)
    assert searchable.kind == "article"
    document = searchable.document(article)
    assert document.title == article.title
    assert "Sprawozdanie końcowe" in document.body and "Termin" in document.body
    assert "<b>" not in document.body
    assert document.visible_from == article.published_at
    for status in (Article.Status.DRAFT, Article.Status.IN_REVIEW, Article.Status.ARCHIVED):
        article.status = status
        assert article_document(article) is None


def test_demo_seed_is_idempotent(area, organization):
    articles = [
        {
            "kind": "regulation",
            "title": "Ustawa o wolontariacie w skrócie",
            "slug": "ustawa-o-wolontariacie",
            "lead": "Najważniejsze zasady.",
            "body": "<p>Porozumienie.</p><script>x</script>",
            "areas": ["13"],
            "tags": ["wolontariat", "prawo"],
            "organizations": [organization.slug, "nie-istnieje"],
            "fields": {
                "legal_act": "Dz.U. 2003 nr 96 poz. 873",
                "act_date": "2003-04-24",
                "problem": "ignored for this kind",
            },
            "days_ago": 10,
        },
        {
            "kind": "good-practice",
            "title": "Dobra praktyka",
            "slug": "dobra-praktyka-demo",
            "lead": "",
            "body": "<p>x</p>",
            "areas": [],
            "tags": [],
            "organizations": [],
            "fields": {"problem": "Problem"},
            "days_ago": 1,
        },
    ]
    assert demo.seed(articles) == 2
    assert demo.seed(articles) == 0
    article = Article.objects.get(slug="ustawa-o-wolontariacie")
    assert article.body == "<p>Porozumienie.</p>"
    assert article.act_date.isoformat() == "2003-04-24"
    assert list(article.organizations.all()) == [organization]
    assert list(article.areas.all()) == [area]
    assert article.is_public() and article.revisions.count() == 1
    assert Article.objects.published().count() == 2


def test_search_finds_article_once_published(users, django_capture_on_commit_callbacks):
    from pomyslowice.knowledge import services
    from pomyslowice.search.query import search

    editor = users["coordinator"]
    with django_capture_on_commit_callbacks(execute=True):
        article = services.create_article(
            data={
                "kind": "news",
                "title": "Szkolenia dla wolontariuszy",
                "tags": [],
                "body": "<p>Zapraszamy mieszkańców Mysłowic.</p>",
            },
            by=editor,
        )
    assert search("szkoleniach", kinds=["article"]).count == 0
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_article(article=article, by=editor)
    results = search("szkoleniach", kinds=["article"])
    assert [item.url for item in results.items] == [article.get_absolute_url()]
    with django_capture_on_commit_callbacks(execute=True):
        services.archive_article(article=article, by=editor)
    assert search("szkoleniach", kinds=["article"]).count == 0


def test_real_demo_articles_load(area):
    from pomyslowice.knowledge.demo_articles import ARTICLES

    assert demo.seed() == len({item["slug"] for item in ARTICLES})
    assert demo.seed() == 0
