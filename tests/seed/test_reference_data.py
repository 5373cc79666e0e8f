"""The reference lists loaded by core migration 0002: areas of public benefit and districts."""

import importlib
import re

import pytest
from django.apps import apps

from pomyslowice.core.models import AreaOfBenefit, District
from pomyslowice.core.reference_data import AREAS_OF_PUBLIC_BENEFIT, area_position

pytestmark = pytest.mark.django_db

MYSLOWICE_DISTRICT_NAMES = {
    "Bończyk-Tuwima",
    "Brzęczkowice-Słupna",
    "Brzezinka",
    "Centrum",
    "Dziećkowice",
    "Janów Miejski-Ćmok",
    "Kosztowy",
    "Krasowy",
    "Larysz-Hajdowizna",
    "Ławki",
    "Morgi",
    "Piasek",
    "Stare Miasto",
    "Szopena-Wielka Skotnica",
    "Wesoła",
}


def test_every_point_of_art_4_is_loaded_in_the_acts_order():
    codes = list(AreaOfBenefit.objects.order_by("position").values_list("code", flat=True))

    assert len(codes) == 41
    assert codes[:5] == ["1", "1a", "1aa", "1b", "2"]
    assert codes[-4:] == ["32", "32a", "33", "34"]
    assert {"5a", "22a", "29a"} <= set(codes)
    assert AreaOfBenefit.objects.filter(is_active=False).count() == 0


@pytest.mark.parametrize(
    ("code", "name"),
    [
        (
            "1",
            "pomocy społecznej, w tym pomocy rodzinom i osobom w trudnej sytuacji życiowej oraz"
            " wyrównywania szans tych rodzin i osób",
        ),
        ("5a", "działalności na rzecz integracji cudzoziemców"),
        ("13", "działalności wspomagającej rozwój wspólnot i społeczności lokalnych"),
        ("32a", "rewitalizacji"),
        (
            "33",
            "działalności wspomagającej technicznie, szkoleniowo, informacyjnie lub finansowo"
            " organizacje pozarządowe oraz podmioty wymienione w art. 3 ust. 3, w zakresie"
            " określonym w pkt 1\N{EN DASH}32a",
        ),
    ],
)
def test_area_names_are_the_wording_of_the_act(code, name):
    assert AreaOfBenefit.objects.get(code=code).name == name


def test_areas_carry_short_ascii_slugs_and_their_legal_source():
    area = AreaOfBenefit.objects.get(code="5a")
    assert area.slug == "integracja-cudzoziemcow"
    assert area.position == 51
    assert area.source.startswith("art. 4 ust. 1 pkt 5a ustawy z dnia 24 kwietnia 2003 r.")
    assert "Dz.U. 2024 poz. 1491" in area.source
    for slug in AreaOfBenefit.objects.values_list("slug", flat=True):
        assert re.fullmatch(r"[a-z0-9-]{3,40}", slug), slug


def test_positions_sort_letters_after_their_number():
    assert [area_position(code) for code in ("1", "1a", "1aa", "1b", "32a", "33")] == [
        10,
        11,
        12,
        13,
        321,
        330,
    ]


def test_the_districts_of_myslowice_are_loaded():
    assert set(District.objects.values_list("name", flat=True)) == MYSLOWICE_DISTRICT_NAMES
    assert District.objects.get(name="Ławki").slug == "lawki"
    assert District.objects.get(name="Janów Miejski-Ćmok").slug == "janow-miejski-cmok"
    for slug in District.objects.values_list("slug", flat=True):
        assert re.fullmatch(r"[a-z-]+", slug), slug


def test_the_data_migration_can_run_again_and_restores_the_lists():
    migration = importlib.import_module("pomyslowice.core.migrations.0002_reference_data")
    AreaOfBenefit.objects.filter(code="19").update(name="zmieniona nazwa")

    migration.load_reference_data(apps, None)

    assert AreaOfBenefit.objects.count() == len(AREAS_OF_PUBLIC_BENEFIT)
    assert District.objects.count() == len(MYSLOWICE_DISTRICT_NAMES)
    assert AreaOfBenefit.objects.get(code="19").name == "turystyki i krajoznawstwa"
