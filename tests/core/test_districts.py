"""Districts carry a point each, so matching can tell near from far."""

import pytest

from pomyslowice.core.models import District, distance_km

pytestmark = pytest.mark.django_db


def test_every_myslowice_district_has_a_point_after_migrating():
    assert District.objects.count() == 15
    assert not District.objects.filter(latitude__isnull=True).exists()


def test_distances_between_districts():
    centrum = District.objects.get(slug="centrum")
    stare_miasto = District.objects.get(slug="stare-miasto")
    dzieckowice = District.objects.get(slug="dzieckowice")
    assert centrum.distance_km(centrum) == 0
    assert centrum.distance_km(stare_miasto) < 1
    assert 6 < centrum.distance_km(dzieckowice) < 8
    assert centrum.distance_km(District(name="Nowa", slug="nowa")) is None


def test_great_circle_distance_warsaw_krakow():
    assert distance_km((52.2297, 21.0122), (50.0647, 19.9450)) == pytest.approx(252, abs=2)
