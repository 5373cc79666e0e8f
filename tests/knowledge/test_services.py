"""The workflow of each kind: create, revise, review, publish (now or later), return, archive."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from pomyslowice.core.models import AuditLogEntry
from pomyslowice.knowledge import services
from pomyslowice.knowledge.models import Article, ArticleRevision

pytestmark = pytest.mark.django_db

KIND_DATA = {
    Article.Kind.GOOD_PRACTICE: {"problem": "Samotność seniorów", "cost": "2000 zł"},
    Article.Kind.RESEARCH: {"method": "Ankieta", "sample": "300 osób", "findings": "Wyniki"},
    Article.Kind.REGULATION: {
        "legal_act": "Ustawa o działalności pożytku publicznego i o wolontariacie",
        "source_url": "https://isap.sejm.gov.pl/",
    },
    Article.Kind.FUNDRAISING: {},
    Article.Kind.NEWS: {},
}


def data(kind, **extra):
    return {
        "kind": kind,
        "title": "Nowy artykuł o współpracy",
        "lead": "Zajawka",
        "body": '<p>Treść</p><script>alert(1)</script><img src="x" onerror="alert(1)">',
        "areas": [],
        "tags": ["Współpraca", "dotacje"],
        "organizations": [],
        **KIND_DATA[kind],
        **extra,
    }


@pytest.mark.parametrize("kind", Article.Kind.values)
def test_staff_workflow_for_each_kind(users, kind):
    editor = users["coordinator"]
    article = services.create_article(data=data(kind), by=editor)
    assert article.status == Article.Status.DRAFT
    assert article.body == "<p>Treść</p>"
    assert sorted(article.tags.values_list("slug", flat=True)) == ["dotacje", "wspolpraca"]
    for name, value in KIND_DATA[kind].items():
        assert getattr(article, name) == value
    services.update_article(
        article=article, data=data(kind, title="Poprawiony tytuł"), by=editor, note="tytuł"
    )
    services.publish_article(article=article, by=editor)
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert Article.objects.published().filter(pk=article.pk).exists()
    services.archive_article(article=article, by=editor)
    article.refresh_from_db()
    assert article.status == Article.Status.ARCHIVED
    assert not Article.objects.published().filter(pk=article.pk).exists()
    assert article.revisions.count() == 2
    verbs = set(AuditLogEntry.objects.values_list("verb", flat=True))
    assert {
        "knowledge.article.created",
        "knowledge.article.updated",
        "knowledge.article.published",
        "knowledge.article.archived",
    } <= verbs


def test_switching_kind_clears_fields_of_the_old_kind(users):
    article = services.create_article(
        data=data(Article.Kind.GOOD_PRACTICE), by=users["coordinator"]
    )
    services.update_article(
        article=article, data=data(Article.Kind.NEWS, problem="x"), by=users["coordinator"]
    )
    article.refresh_from_db()
    assert article.problem == "" and article.cost == ""


def test_representative_proposes_good_practice_staff_review(
    users, organization, django_capture_on_commit_callbacks
):
    representative = users["representative"]
    article = services.create_article(
        data=data(Article.Kind.GOOD_PRACTICE, organizations=[organization]), by=representative
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_article(article=article, by=representative)
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW
    staff_mail = [m for m in mail.outbox if "coordinator@example.org" in m.to]
    assert staff_mail and article.title in staff_mail[0].subject
    assert "analyst@example.org" not in {address for m in mail.outbox for address in m.to}

    with django_capture_on_commit_callbacks(execute=True):
        services.return_article(article=article, by=users["ngo_caretaker"], note="Dodaj koszty.")
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT and article.status_note == "Dodaj koszty."
    assert mail.outbox[-1].to == [representative.email]
    assert "Dodaj koszty." in mail.outbox[-1].body

    services.submit_article(article=article, by=representative)
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_article(article=article, by=users["coordinator"])
    assert mail.outbox[-1].to == [representative.email]
    article.refresh_from_db()
    # Published: no longer the representative's to edit.
    with pytest.raises(ValidationError):
        services.update_article(article=article, data={"title": "Zmiana"}, by=representative)


@pytest.mark.parametrize(
    "kind", [Article.Kind.RESEARCH, Article.Kind.REGULATION, Article.Kind.FUNDRAISING]
)
def test_representative_cannot_propose_other_kinds(users, organization, kind):
    with pytest.raises(ValidationError) as error:
        services.create_article(
            data=data(kind, organizations=[organization]), by=users["representative"]
        )
    assert "kind" in error.value.message_dict
    assert not Article.objects.exists()


def test_representative_must_name_own_organisation(users, organization, other_organization):
    with pytest.raises(ValidationError):
        services.create_article(
            data=data(Article.Kind.NEWS, organizations=[other_organization]),
            by=users["representative"],
        )
    with pytest.raises(ValidationError):
        services.create_article(data=data(Article.Kind.NEWS), by=users["representative"])
    assert not Article.objects.exists()


@pytest.mark.parametrize("persona", ["resident", "volunteer", "analyst", "technical_admin"])
def test_others_cannot_write(users, persona):
    with pytest.raises(ValidationError):
        services.create_article(data=data(Article.Kind.NEWS), by=users[persona])


@pytest.mark.parametrize("persona", ["representative", "analyst", "volunteer_caretaker"])
def test_only_editors_publish_return_archive(users, proposal, persona):
    proposal.status = Article.Status.IN_REVIEW
    proposal.save()
    for action in (
        lambda: services.publish_article(article=proposal, by=users[persona]),
        lambda: services.return_article(article=proposal, by=users[persona], note="x"),
        lambda: services.archive_article(article=proposal, by=users[persona]),
    ):
        with pytest.raises(ValidationError):
            action()
    proposal.refresh_from_db()
    assert proposal.status == Article.Status.IN_REVIEW


def test_return_needs_a_note(users, proposal):
    proposal.status = Article.Status.IN_REVIEW
    proposal.save()
    with pytest.raises(ValidationError):
        services.return_article(article=proposal, by=users["coordinator"], note="  ")


def test_scheduled_publication(users, proposal):
    later = timezone.now() + timedelta(days=2)
    services.publish_article(article=proposal, by=users["coordinator"], at=later)
    proposal.refresh_from_db()
    assert proposal.is_scheduled
    assert not Article.objects.published().filter(pk=proposal.pk).exists()
    assert (
        Article.objects.published(now=later + timedelta(seconds=1)).filter(pk=proposal.pk).exists()
    )


def test_restore_revision_makes_a_new_revision(users, area):
    editor = users["coordinator"]
    article = services.create_article(
        data=data(Article.Kind.REGULATION, areas=[area], act_date=timezone.localdate()), by=editor
    )
    first = article.revisions.get()
    services.update_article(
        article=article,
        data=data(
            Article.Kind.REGULATION, title="Inny tytuł", areas=[], tags=["nowy"], act_date=None
        ),
        by=editor,
    )
    services.restore_revision(revision=first, by=editor)
    article.refresh_from_db()
    assert article.title == "Nowy artykuł o współpracy"
    assert list(article.areas.all()) == [area]
    assert set(article.tags.values_list("name", flat=True)) == {"dotacje", "Współpraca"}
    assert article.act_date == timezone.localdate()
    assert ArticleRevision.objects.filter(article=article).count() == 3
    assert article.revisions.first().note.startswith("Przywr") or "Restored" in (
        article.revisions.first().note
    )


def test_restore_only_by_editors(users, proposal):
    revision = ArticleRevision.objects.create(article=proposal, snapshot={"title": "x"})
    with pytest.raises(ValidationError):
        services.restore_revision(revision=revision, by=users["representative"])
