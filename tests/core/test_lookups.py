import pytest

from pomyslowice.core.models import AreaOfBenefit

TOO_BIG = 10**20


@pytest.mark.django_db
def test_keys_beyond_the_integer_range_match_nothing():
    area = AreaOfBenefit.objects.first()

    assert not AreaOfBenefit.objects.filter(pk__in=[TOO_BIG]).exists()
    assert not AreaOfBenefit.objects.filter(pk__in=[-TOO_BIG]).exists()
    assert list(AreaOfBenefit.objects.filter(pk__in=[TOO_BIG, area.pk])) == [area]


@pytest.mark.django_db
def test_a_form_with_an_out_of_range_choice_says_it_is_not_valid(client_for):
    response = client_for("coordinator").post(
        "/en/wiedza/nowy/", {"kind": "news", "title": "Tytuł", "areas": [str(TOO_BIG)]}
    )

    assert response.status_code in (200, 400)
    assert "areas" in response.context["form"].errors
