"""The dataset's people, organisations, knowledge and search steps at a tiny scale: the rows are
valid, the public pages and the search show them, a seed repeats them, a second run adds more."""

import dataclasses
import datetime
import random

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone

from pomyslowice.accounts.models import User
from pomyslowice.demo.dataset import knowledge, organizations, people, search, text
from pomyslowice.demo.dataset.base import SCALES, Context, Writer
from pomyslowice.knowledge.models import Article, Tag
from pomyslowice.organizations.models import Membership, Organization, Person, PersonConsent
from pomyslowice.organizations.validators import normalize_krs, normalize_nip, normalize_regon
from pomyslowice.search import analysis, index
from pomyslowice.search.models import SearchDocument, SearchTerm

SCALE = dataclasses.replace(
    SCALES["city"],
    organizations=40,
    people=60,
    public_leaders=15,
    articles=30,
    volunteer_profiles=25,
)
STEPS = [people, organizations, knowledge, search]
NOW = timezone.make_aware(datetime.datetime(2026, 6, 1, 12))


def generate(seed=7, scale=SCALE) -> Context:
    ctx = Context(scale=scale, writer=Writer(), rng=random.Random(seed), now=NOW)
    for step in STEPS:
        step.generate(ctx)
    ctx.writer.finish()
    return ctx


@pytest.fixture
def dataset(db) -> Context:
    return generate()


def test_rows_per_table(dataset):
    users = SCALE.volunteer_profiles + SCALE.organizations
    assert User.objects.count() == users == len(dataset.ids["users"])
    assert EmailAddress.objects.filter(verified=True, primary=True).count() == users
    assert Organization.objects.count() == SCALE.organizations
    assert Membership.objects.filter(status=Membership.Status.ACTIVE).count() == SCALE.organizations
    assert Person.objects.count() == SCALE.people
    assert Person.objects.published().count() == SCALE.public_leaders
    assert Article.objects.count() == SCALE.articles
    assert Tag.objects.count() == len(knowledge.TAGS)
    # Each representative acts for the organisation of the same position.
    first = Organization.objects.get(pk=dataset.ids["organizations"][0])
    assert first.memberships.get().user_id == dataset.ids["representative_users"][0]
    # The index holds every public organisation, leader and article, and their vocabulary.
    assert SearchDocument.objects.filter(kind="organization").count() == (
        Organization.objects.published().count()
    )
    assert SearchDocument.objects.filter(kind="person").count() == SCALE.public_leaders
    assert SearchDocument.objects.filter(kind="article").count() == (
        Article.objects.filter(status=Article.Status.PUBLISHED).count()
    )
    assert SearchTerm.objects.filter(term="fundacja").exists()


def test_most_organisations_are_published_small_ngos(dataset):
    assert Organization.objects.published().count() > SCALE.organizations * 0.8
    ngos = Organization.objects.filter(kind__in=Organization.NGO_KINDS).count()
    assert ngos > SCALE.organizations * 0.8
    # A city run lives in Mysłowice, in its districts.
    assert set(Organization.objects.values_list("city", flat=True)) == {text.HOME_CITY}
    assert not Organization.objects.filter(district__isnull=True).exists()


def test_a_region_run_is_in_slaskie():
    towns = text.geography("region").towns
    assert {place.voivodeship for place in towns} == {"śląskie"}
    assert "Katowice" in {place.name for place in towns}
    assert len(text.geography("national").towns) > 150


def test_generated_rows_pass_model_validation(dataset):
    rng = random.Random(1)
    for model in (User, EmailAddress, Organization, Membership, Person, PersonConsent, Article):
        pks = list(model.objects.values_list("pk", flat=True))
        for obj in model.objects.filter(pk__in=rng.sample(pks, min(50, len(pks)))):
            obj.full_clean()


def test_registry_numbers_pass_the_registration_forms_checks(dataset):
    numbered = Organization.objects.exclude(krs=None)
    assert numbered.exists()
    for organization in Organization.objects.all():
        if organization.krs:
            assert normalize_krs(organization.krs) == organization.krs
        if organization.nip:
            assert normalize_nip(organization.nip) == organization.nip
        if organization.regon:
            assert normalize_regon(organization.regon) == organization.regon


def test_folded_search_text_is_what_save_computes(dataset):
    for organization in Organization.objects.all()[:20]:
        stored = organization.search_text
        organization.save()
        assert organization.search_text == stored
    for person in Person.objects.all()[:20]:
        stored = person.search_text
        person.save()
        assert person.search_text == stored


def test_public_pages_show_the_generated_data(dataset, client):
    organization = Organization.objects.published().first()
    listing = client.get("/organizacje/", {"q": organization.name})
    assert listing.status_code == 200
    assert organization.get_absolute_url() in listing.text
    assert client.get(organization.get_absolute_url()).status_code == 200

    leader = Person.objects.published().first()
    private = Person.objects.exclude(pk__in=Person.objects.published()).first()
    assert leader.get_absolute_url() in client.get("/ludzie/", {"q": leader.full_name}).text
    assert private.get_absolute_url() not in client.get("/ludzie/", {"q": private.full_name}).text
    assert client.get(leader.get_absolute_url()).status_code == 200
    assert client.get(private.get_absolute_url()).status_code == 404

    article = Article.objects.published().first()
    assert client.get(article.get_absolute_url()).status_code == 200


def test_search_finds_an_organisation_by_a_word_of_its_name(dataset, client):
    organization = Organization.objects.published().filter(kind="fundacja").first()
    page = client.get("/szukaj/", {"q": organization.name})
    assert page.status_code == 200
    named_alike = Organization.objects.published().filter(name=organization.name)
    assert any(other.get_absolute_url() in page.text for other in named_alike)


def test_the_bulk_index_equals_what_rebuild_search_index_writes(dataset):
    fields = [f.attname for f in SearchDocument._meta.concrete_fields if f.attname != "id"]
    fields.remove("updated_at")

    def snapshot():
        documents = SearchDocument.objects.order_by("kind", "object_id").values_list(*fields)
        return list(documents), set(SearchTerm.objects.values_list("term", "initial", "length"))

    bulk = snapshot()
    index.rebuild()
    assert snapshot() == bulk


def test_bulk_analysis_equals_the_index_analysis(dataset):
    analyser = search._Analyser()
    for document in SearchDocument.objects.all()[:100]:
        assert analyser.terms(document.body) == analysis.terms(document.body)
        assert analyser.spaced_words(document.body) == analysis.spaced_words(document.body)
        assert analyser.terms(document.title) == analysis.terms(document.title)


def test_the_same_seed_gives_the_same_rows_and_a_second_run_adds_more(db):
    first = generate(seed=11)
    second = generate(seed=11)

    def rows(model, ids, *fields):
        return list(model.objects.filter(pk__in=ids).order_by("pk").values_list(*fields))

    for model, key, fields in (
        (User, "users", ("first_name", "last_name", "language", "date_joined")),
        (Organization, "organizations", ("name", "kind", "status", "description", "city")),
        (Person, "persons", ("full_name", "skills", "bio")),
        (Article, "articles", ("title", "kind", "status", "body", "published_at")),
    ):
        assert rows(model, first.ids[key], *fields) == rows(model, second.ids[key], *fields)
        assert model.objects.count() == len(first.ids[key]) + len(second.ids[key])
    # The rebuilt index holds both runs' public objects.
    assert SearchDocument.objects.filter(kind="organization").count() == (
        Organization.objects.published().count()
    )
