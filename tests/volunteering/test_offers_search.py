"""Volunteer offers in the site's search: open ones only, in and out as their status changes."""

import datetime

import pytest
from django.utils import timezone

from pomyslowice.search.index import rebuild
from pomyslowice.search.query import search
from pomyslowice.search.registry import kind_of
from pomyslowice.volunteering import offer_services
from pomyslowice.volunteering.models import Offer
from pomyslowice.volunteering.search import offer_document

from .conftest import make_offer

pytestmark = pytest.mark.django_db

KIND = ["opportunity"]
TODAY = timezone.localdate


def found(query: str) -> list[str]:
    return [item.url for item in search(query, kinds=KIND).items]


@pytest.fixture
def data(organization, district, area):
    return {
        "title": "Karmienie kotów w schronisku",
        "description": "<p>Pomagamy <b>bezdomnym</b> zwierzętom.</p>",
        "tasks": "Sprzątanie boksów",
        "schedule": Offer.Schedule.FLEXIBLE,
        "duration": Offer.Duration.LONG,
        "places": 2,
        "min_age": 16,
        "district": district,
        "areas": [area],
    }


def test_offers_are_registered_with_the_search():
    searchable = kind_of(Offer)
    assert searchable is not None and searchable.kind == "opportunity"


def test_document_holds_the_offer_in_plain_text(organization, district, area):
    offer = make_offer(
        organization,
        "Karmienie kotów",
        description="<p>Pomagamy <b>bezdomnym</b> zwierzętom.</p>",
        district=district,
        areas=[area],
    )
    document = offer_document(offer)
    assert document.title == "Karmienie kotów"
    assert document.url == offer.get_absolute_url()
    assert document.date == offer.published_at
    for text in ("Pomagamy bezdomnym zwierzętom.", organization.name, "Piasek", area.name):
        assert text in document.body
    assert "<b>" not in document.body


@pytest.mark.parametrize(
    "status", [Offer.Status.DRAFT, Offer.Status.REVIEW, Offer.Status.FILLED, Offer.Status.CLOSED]
)
def test_no_document_unless_published(organization, status):
    assert offer_document(make_offer(organization, "Oferta", status=status)) is None


def test_no_document_once_expired(organization):
    expired = make_offer(organization, "Stara", expires_on=TODAY() - datetime.timedelta(days=1))
    assert offer_document(expired) is None
    assert offer_document(make_offer(organization, "Do dziś", expires_on=TODAY())) is not None


def test_search_finds_an_offer_once_published_and_loses_it_when_closed(
    users, organization, data, django_capture_on_commit_callbacks
):
    host, caretaker = users["representative"], users["volunteer_caretaker"]
    with django_capture_on_commit_callbacks(execute=True):
        offer = offer_services.create_offer(host=organization, data=data, by=host)
        offer_services.submit_offer(offer=offer, by=host)
    assert found("schronisko") == []
    with django_capture_on_commit_callbacks(execute=True):
        offer_services.publish_offer(offer=offer, by=caretaker)
    assert found("schroniska") == [offer.get_absolute_url()]
    assert found("bezdomne zwierzęta") == [offer.get_absolute_url()]
    with django_capture_on_commit_callbacks(execute=True):
        offer_services.return_offer(offer=offer, by=caretaker, note="Popraw opis")
    assert found("schronisko") == []
    with django_capture_on_commit_callbacks(execute=True):
        offer_services.submit_offer(offer=offer, by=caretaker)
    assert found("schronisko") == [offer.get_absolute_url()]
    with django_capture_on_commit_callbacks(execute=True):
        offer_services.close_offer(offer=offer, by=host)
    assert found("schronisko") == []


def test_rebuild_indexes_open_offers_only(organization):
    published = make_offer(organization, "Opieka nad ogrodem")
    make_offer(organization, "Szkic ogrodu", status=Offer.Status.DRAFT)
    make_offer(organization, "Ogród wygasły", expires_on=TODAY() - datetime.timedelta(days=5))
    rebuild(kinds=KIND)
    assert found("ogród") == [published.get_absolute_url()]
