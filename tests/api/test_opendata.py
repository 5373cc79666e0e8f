"""Open data at /dane/: the export command, its files, the catalogue and the pages."""

import csv
import datetime
import io
import json
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models.query import QuerySet
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pomyslowice.api import opendata
from pomyslowice.centre.models import OpeningHours, Room, Weekday
from pomyslowice.events.models import Event, GrantCall
from pomyslowice.knowledge.models import Article
from pomyslowice.organizations.models import PersonConsent
from pomyslowice.volunteering.models import Offer
from tests.api.conftest import make_person
from tests.conftest import PERSONAS, make_organization
from tests.events.conftest import make_event
from tests.knowledge.conftest import make_article
from tests.volunteering.conftest import make_offer

SECRET = "TAJNE"


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    return settings.VAR_DIR / "opendata"


def export() -> str:
    out = io.StringIO()
    call_command("export_open_data", stdout=out)
    return out.getvalue()


def read_csv(path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def csv_header(path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


def read_json(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def items_by_slug(var_dir, dataset: str) -> dict:
    return {item["slug"]: item for item in read_json(var_dir / f"{dataset}.json")["items"]}


@pytest.fixture
def public_and_private(db, organization, area, district):
    """One public object of each kind, and beside it ones that must never be published."""
    pending = make_organization(f"Fundacja {SECRET} w rejestracji", status="pending")
    room = Room.objects.create(name="Sala konferencyjna", slug="sala-konferencyjna", capacity=40)
    OpeningHours.objects.create(
        room=room, weekday=Weekday.TUESDAY, opens=datetime.time(9), closes=datetime.time(17)
    )
    Room.objects.create(
        name=f"Sala {SECRET} zamknięta", slug="sala-zamknieta", capacity=5, is_active=False
    )
    make_person(
        "Anna Liderka",
        consents=[PersonConsent.Field.NAME, PersonConsent.Field.SKILLS],
        bio=f"<p>Biografia {SECRET}</p>",
        skills="Fundraising",
        email=f"anna-{SECRET.lower()}@example.org",
    )
    make_person(f"Osoba {SECRET} bez zgody", consents=[])
    now = timezone.now()
    return {
        "organization": organization,
        "pending": pending,
        "room": room,
        "event": make_event("Spotkanie organizacji", organizer=organization, district=district),
        "past_event": make_event("Zebranie zeszloroczne", start=now - datetime.timedelta(days=400)),
        "draft_event": make_event(f"Wydarzenie {SECRET}", status=Event.Status.DRAFT),
        "pending_organizer_event": make_event("Impreza fundacji", organizer=pending),
        "article": make_article(areas=[area], organizations=[organization, pending]),
        "draft_article": make_article(f"Szkic {SECRET}", status=Article.Status.DRAFT),
        "scheduled_article": make_article(
            f"Zapowiedz {SECRET}", published_at=now + datetime.timedelta(days=2)
        ),
        "call": GrantCall.objects.create(
            title="Konkurs na inicjatywy lokalne",
            slug="konkurs-inicjatywy",
            kind=GrantCall.Kind.SMALL_GRANT,
            funder_name="Urząd Miasta Mysłowice",
            deadline=now + datetime.timedelta(days=20),
            budget="15000.50",
        ),
        "hidden_call": GrantCall.objects.create(
            title=f"Konkurs {SECRET}",
            slug="konkurs-ukryty",
            kind=GrantCall.Kind.OTHER,
            deadline=now + datetime.timedelta(days=20),
            is_published=False,
        ),
        "offer": make_offer(organization, "Pomoc przy festynie", areas=[area]),
        "draft_offer": make_offer(organization, f"Oferta {SECRET}", status=Offer.Status.DRAFT),
        "pending_host_offer": make_offer(pending, "Oferta fundacji w rejestracji"),
    }


# --- the files -----------------------------------------------------------------------------------


def test_every_dataset_is_written_as_csv_and_json_with_the_same_rows(var_dir, public_and_private):
    output = export()

    catalog = read_json(var_dir / "catalog.json")
    entries = {entry["name"]: entry for entry in catalog["datasets"]}
    assert set(entries) == {*opendata.DATASETS, "hsds"}
    for slug, dataset in opendata.DATASETS.items():
        assert f"{slug}.csv" in output
        document = read_json(var_dir / f"{slug}.json")
        rows = read_csv(var_dir / f"{slug}.csv")
        assert csv_header(var_dir / f"{slug}.csv") == dataset.field_names
        assert document["dataset"] == slug
        assert document["licence"] == "CC-BY-4.0"
        assert [field["name"] for field in document["fields"]] == dataset.field_names
        assert all(list(item) == dataset.field_names for item in document["items"])
        assert [row["id"] for row in rows] == [str(item["id"]) for item in document["items"]]
        assert entries[slug]["rows"] == len(rows)
        sizes = {d["format"]: d["byte_size"] for d in entries[slug]["distributions"]}
        assert sizes == {
            "CSV": (var_dir / f"{slug}.csv").stat().st_size,
            "JSON": (var_dir / f"{slug}.json").stat().st_size,
        }
        assert entries[slug]["distributions"][0]["download_url"].endswith(f"/dane/{slug}.csv")
        assert datetime.datetime.fromisoformat(document["generated_at"]).tzinfo is not None


def test_values_are_written_in_stable_documented_formats(var_dir, public_and_private):
    export()
    event = public_and_private["event"]

    item = items_by_slug(var_dir, "wydarzenia")[event.slug]
    assert item["id"] == event.pk
    assert datetime.datetime.fromisoformat(item["start"]) == event.start
    assert item["organizer"] == public_and_private["organization"].slug
    assert item["areas"] == []
    assert items_by_slug(var_dir, "konkursy")["konkurs-inicjatywy"]["budget"] == "15000.50"
    organization = {row["slug"]: row for row in read_csv(var_dir / "organizacje.csv")}[
        public_and_private["organization"].slug
    ]
    assert organization["is_public_benefit"] == "false"
    assert organization["areas"] == "rozwoj-wspolnot-lokalnych"
    assert organization["short_name"] == ""
    room = items_by_slug(var_dir, "sale")["sala-konferencyjna"]
    assert room["opening_hours"] == ["TU 09:00-17:00"]


def test_only_public_objects_are_exported(var_dir, public_and_private):
    export()

    for path in var_dir.iterdir():
        assert SECRET not in path.read_text(encoding="utf-8"), path.name
        assert SECRET.lower() not in path.read_text(encoding="utf-8"), path.name
    slugs = {name: set(items_by_slug(var_dir, name)) for name in opendata.DATASETS}
    assert public_and_private["organization"].slug in slugs["organizacje"]
    assert public_and_private["pending"].slug not in slugs["organizacje"]
    assert {public_and_private["event"].slug, public_and_private["past_event"].slug} <= slugs[
        "wydarzenia"
    ]
    assert public_and_private["article"].slug in slugs["artykuly"]
    assert slugs["konkursy"] == {"konkurs-inicjatywy"}
    assert slugs["oferty-wolontariatu"] == {public_and_private["offer"].slug}
    assert slugs["sale"] == {"sala-konferencyjna"}
    assert slugs["ludzie"] == {"anna-liderka"}


def test_unpublished_organisations_are_not_named_through_other_datasets(
    var_dir, public_and_private
):
    export()
    pending = public_and_private["pending"].slug

    event = items_by_slug(var_dir, "wydarzenia")[public_and_private["pending_organizer_event"].slug]
    assert event["organizer"] is None
    assert items_by_slug(var_dir, "artykuly")[public_and_private["article"].slug][
        "organizations"
    ] == [public_and_private["organization"].slug]
    assert pending not in (var_dir / "wydarzenia.json").read_text(encoding="utf-8")


def test_a_persons_field_without_consent_is_empty(var_dir, public_and_private):
    export()

    person = items_by_slug(var_dir, "ludzie")["anna-liderka"]
    assert person["name"] == "Anna Liderka"
    assert person["skills"] == "Fundraising"
    assert person["bio"] is None
    assert person["areas"] == [] and person["organizations"] == []
    assert "email" not in person
    row = read_csv(var_dir / "ludzie.csv")[0]
    assert row["bio"] == "" and row["skills"] == "Fundraising"


def test_withdrawn_consent_removes_the_person_at_the_next_export(var_dir, public_and_private):
    export()
    PersonConsent.objects.filter(field=PersonConsent.Field.NAME).update(withdrawn_at=timezone.now())

    export()

    assert read_json(var_dir / "ludzie.json")["items"] == []
    assert read_csv(var_dir / "ludzie.csv") == []


def test_the_command_is_idempotent_and_leaves_no_temporary_files(var_dir, public_and_private):
    export()
    first = {path.name: path.read_text(encoding="utf-8") for path in var_dir.iterdir()}

    export()

    second = {path.name: path.read_text(encoding="utf-8") for path in var_dir.iterdir()}
    assert set(first) == set(second)
    assert not [name for name in second if name.startswith(".") or name.endswith(".tmp")]
    for slug in opendata.DATASETS:
        assert first[f"{slug}.csv"] == second[f"{slug}.csv"]
        items = [json.loads(first[f"{slug}.json"])["items"], json.loads(second[f"{slug}.json"])]
        assert items[0] == items[1]["items"]


def test_a_failed_export_keeps_the_previous_files(var_dir, public_and_private, monkeypatch):
    export()
    before = (var_dir / "organizacje.csv").read_bytes()

    def broken_row(org):
        raise RuntimeError("database went away")

    monkeypatch.setattr(
        opendata,
        "ORGANIZATIONS",
        opendata.Dataset(**{**opendata.ORGANIZATIONS.__dict__, "row": broken_row}),
    )
    monkeypatch.setitem(opendata.DATASETS, "organizacje", opendata.ORGANIZATIONS)
    with pytest.raises(RuntimeError):
        export()

    assert (var_dir / "organizacje.csv").read_bytes() == before
    assert not [path for path in var_dir.iterdir() if path.name.endswith(".tmp")]


def test_every_dataset_is_read_with_an_iterator(var_dir, public_and_private, monkeypatch):
    iterated = []
    original = QuerySet.iterator

    def recording_iterator(self, chunk_size=None):
        iterated.append((self.model, chunk_size))
        return original(self, chunk_size=chunk_size)

    monkeypatch.setattr(QuerySet, "iterator", recording_iterator)

    export()

    models = {dataset.queryset().model for dataset in opendata.DATASETS.values()}
    assert models <= {model for model, _chunk in iterated}
    assert {chunk for _model, chunk in iterated} == {opendata.CHUNK_SIZE}


@pytest.mark.parametrize("dataset", list(opendata.DATASETS.values()), ids=list(opendata.DATASETS))
def test_export_query_count_does_not_grow_with_rows(
    var_dir, public_and_private, make_organizations, dataset
):
    var_dir.mkdir(parents=True)
    generated_at = timezone.now().isoformat()

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            opendata.write_dataset(dataset, var_dir, generated_at)
        return len(context.captured_queries)

    few = queries()
    organizations = make_organizations(30)
    for i, org in enumerate(organizations):
        make_event(f"Wydarzenie nr {i}", organizer=org)
        make_article(f"Artykul nr {i}", organizations=[org])
        make_offer(org, f"Oferta nr {i}")
        make_person(f"Osoba Numer{i}")
    assert queries() == few
    assert few <= 5


# --- the pages -----------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_open_data_pages_are_public(var_dir, client_for, persona):
    client = client_for(persona)

    assert client.get("/dane/").status_code == 200
    assert client.get("/dane/organizacje/").status_code == 200


def test_index_lists_each_dataset_with_update_rows_and_downloads(
    var_dir, public_and_private, client, django_assert_max_num_queries
):
    export()

    with django_assert_max_num_queries(0):
        response = client.get("/dane/")

    assert response.status_code == 200
    html = response.content.decode()
    for slug in opendata.DATASETS:
        assert f'id="dataset-{slug}"' in html
        assert f'href="/dane/{slug}/"' in html
        assert f"/dane/{slug}.csv" in html and f"/dane/{slug}.json" in html
    assert "/dane/hsds.json" in html and "/dane/catalog.json" in html
    assert "creativecommons.org/licenses/by/4.0/" in html
    sale = re.search(r'id="dataset-sale">(.*?)</tr>', html, re.S).group(1)
    assert "<td>1</td>" in sale


def test_index_before_the_first_export_says_not_published(var_dir, client):
    response = client.get("/dane/")  # English: see english_by_default in conftest

    assert response.status_code == 200
    assert response.content.decode().count("Not published yet") == len(opendata.DATASETS)


@pytest.mark.parametrize("slug", list(opendata.DATASETS))
def test_data_dictionary_lists_every_field_of_the_file(
    var_dir, public_and_private, client, django_assert_max_num_queries, slug
):
    export()

    with django_assert_max_num_queries(0):
        response = client.get(f"/dane/{slug}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert re.findall(r'id="field-([a-z_]+)"', html) == csv_header(var_dir / f"{slug}.csv")
    api_url = opendata.DATASETS[slug].api_url()
    if api_url:
        assert f'href="{api_url}"' in html


def test_data_dictionary_links_to_the_api_endpoint_serving_the_same_data(var_dir, client):
    html = client.get("/dane/organizacje/").content.decode()

    assert 'href="/api/v1/organizations"' in html


@pytest.mark.parametrize(
    "extension, content_type",
    [("csv", "text/csv; charset=utf-8"), ("json", "application/json; charset=utf-8")],
)
def test_downloads_are_served_from_the_files_with_proper_headers(
    var_dir, public_and_private, client, extension, content_type
):
    export()

    response = client.get(f"/dane/organizacje.{extension}")

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="organizacje.{extension}"'
    assert response["Access-Control-Allow-Origin"] == "*"
    body = b"".join(response.streaming_content)
    assert body == (var_dir / f"organizacje.{extension}").read_bytes()
    assert int(response["Content-Length"]) == len(body)


def test_catalogue_is_served_as_json(var_dir, public_and_private, client):
    export()

    response = client.get("/dane/catalog.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    catalog = json.loads(b"".join(response.streaming_content))
    assert catalog["licence"] == "CC-BY-4.0"
    assert len(catalog["datasets"]) == len(opendata.DATASETS) + 1


@pytest.mark.parametrize(
    "path", ["/dane/organizacje.csv", "/dane/ludzie.json", "/dane/catalog.json"]
)
def test_files_not_exported_yet_are_a_clear_404(var_dir, client, path):
    response = client.get(path)

    assert response.status_code == 404
    assert "opendata/not_published.html" in [template.name for template in response.templates]


@pytest.mark.parametrize("path", ["/dane/nie-ma/", "/dane/nie-ma.csv", "/dane/nie-ma.json"])
def test_unknown_dataset_is_404(var_dir, public_and_private, client, path):
    export()

    response = client.get(path)

    assert response.status_code == 404
    assert "opendata/not_published.html" not in [t.name for t in response.templates]


def test_downloads_refuse_writes(var_dir, public_and_private, client):
    export()

    assert client.post("/dane/organizacje.csv").status_code == 405
