"""The index follows every change at once: publish, unpublish, status, consent, delete."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from pomyslowice.events.models import Event, GrantCall
from pomyslowice.organizations.models import Organization, Person, PersonConsent
from pomyslowice.organizations.people_services import set_consents, withdraw_consent
from pomyslowice.search.index import rebuild, update_object
from pomyslowice.search.models import SearchDocument
from pomyslowice.search.query import search
from tests.conftest import make_organization
from tests.events.conftest import make_event

pytestmark = pytest.mark.django_db


def kinds_found(q):
    return {(item.kind, item.title) for item in search(q, limit=100).items}


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """Run the on-commit index upkeep as a real commit would."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def test_publishing_and_unpublishing_an_organisation(committing):
    org = committing(
        make_organization, "Fundacja Zielone Podwórka", status=Organization.Status.PENDING
    )
    assert not kinds_found("podwórkach")
    org.status = Organization.Status.PUBLISHED
    committing(org.save)
    assert ("organization", "Fundacja Zielone Podwórka") in kinds_found("podwórkach")
    org.status = Organization.Status.REJECTED
    committing(org.save)
    assert not kinds_found("podwórkach")


def test_areas_added_later_are_searchable(committing, area):
    org = committing(make_organization, "Klub Szachowy Goniec")
    committing(org.areas.add, area)
    doc = SearchDocument.objects.get(kind="organization", object_id=str(org.pk))
    assert area.name in doc.body


def test_deleting_removes_from_index(committing):
    org = committing(make_organization, "Towarzystwo Przyjaciół Słupnej")
    assert kinds_found("słupna")
    committing(org.delete)
    assert not kinds_found("słupna")


def test_event_status_change(committing):
    event = committing(make_event, "Warsztaty ceramiczne", status=Event.Status.SUBMITTED)
    assert not kinds_found("ceramika warsztat")
    event.status = Event.Status.PUBLISHED
    committing(event.save)
    assert ("event", "Warsztaty ceramiczne") in kinds_found("warsztatach ceramicznych")
    event.status = Event.Status.REJECTED
    committing(event.save)
    assert not kinds_found("warsztatach")


def test_grant_call_publication(committing):
    call = committing(
        GrantCall.objects.create,
        title="Mały grant na zieleń",
        slug="maly-grant",
        kind=GrantCall.Kind.SMALL_GRANT,
        deadline=timezone.now() + datetime.timedelta(days=20),
        is_published=False,
    )
    assert not kinds_found("granty")
    call.is_published = True
    committing(call.save)
    assert ("grant-call", "Mały grant na zieleń") in kinds_found("granty zieleni")


def test_person_appears_with_consent_and_disappears_at_withdrawal(committing, users):
    person = committing(
        Person.objects.create,
        full_name="Halina Ogrodniczka",
        slug="halina",
        email="halina@example.org",
        skills="ogrodnictwo miejskie",
    )
    assert not kinds_found("Halina")
    committing(
        set_consents,
        person=person,
        fields=[PersonConsent.Field.NAME],
        via="test",
        actor=users["coordinator"],
    )
    assert ("person", "Halina Ogrodniczka") in kinds_found("Haliny")
    # Skills were not consented: they are not in the index.
    assert not kinds_found("ogrodnictwo")
    committing(
        set_consents,
        person=person,
        fields=[PersonConsent.Field.NAME, PersonConsent.Field.SKILLS],
        via="test",
        actor=users["coordinator"],
    )
    assert kinds_found("ogrodnictwie")
    committing(
        withdraw_consent, person=person, field=PersonConsent.Field.NAME, actor=users["coordinator"]
    )
    assert not kinds_found("Halina")
    assert not SearchDocument.objects.filter(kind="person", object_id=str(person.pk)).exists()


def test_scheduled_document_is_hidden_until_visible(index_text):
    index_text(1, "Zapowiedź festiwalu", visible_from=timezone.now() + datetime.timedelta(days=1))
    index_text(2, "Relacja z festiwalu", visible_from=timezone.now() - datetime.timedelta(days=1))
    assert [i.object_id for i in search("festiwal").items] == ["2"]


def test_rollback_leaves_the_index_alone(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_organization("Stowarzyszenie Wycofane")
    assert callbacks  # scheduled, but never run because nothing committed
    assert not kinds_found("wycofane")


def test_update_object_and_rebuild(organization, other_organization):
    make_event("Piknik sąsiedzki", slug="piknik")
    assert rebuild() >= 3
    assert kinds_found("Przyjaciół Piasku")
    Organization.objects.filter(pk=organization.pk).update(status=Organization.Status.REJECTED)
    organization.refresh_from_db()
    update_object(organization)
    assert not kinds_found("Przyjaciół Piasku")


def test_rebuild_command_prints_counts(organization, capsys):
    call_command("rebuild_search_index")
    out = capsys.readouterr().out
    assert "organization: 2" in out or "organization: 1" in out
    assert "Indexed" in out


def test_a_phrase_in_an_indexed_body_ranks_above_a_sooner_event():
    soon = timezone.now() + datetime.timedelta(days=1)
    later = timezone.now() + datetime.timedelta(days=7)
    make_event(
        "Spotkanie w klubie",
        slug="klub",
        start=soon,
        description="<p>Dla seniorów przygotowaliśmy szkolenia.</p>",
    )
    make_event(
        "Spotkanie w bibliotece",
        slug="biblioteka",
        start=later,
        description="<p>Bezpłatne szkolenia dla seniorów.</p>",
    )
    rebuild()
    assert [item.title for item in search("szkolenia dla seniorów").items] == [
        "Spotkanie w bibliotece",
        "Spotkanie w klubie",
    ]
    assert search("seniorów szkolenia").items[0].title == "Spotkanie w klubie"
