"""Twenty hosts' clicks racing for the last places, and one volunteer's twenty clicks on "apply":
the offer's row lock (and the partial unique constraint), not luck, keeps the counts right."""

import pytest
from django.core.exceptions import ValidationError

from pomyslowice.organizations.models import Membership
from pomyslowice.volunteering import application_services as services
from pomyslowice.volunteering.models import Application, Engagement, Offer
from tests.conftest import create_user, make_organization
from tests.events.test_registration_concurrency import race

from .conftest import make_offer, make_profile, years_ago

RACERS = 20
PLACES = 3


def volunteer(number: int):
    user = create_user(f"ochotnik{number}@example.org", birth_date=years_ago(20 + number))
    make_profile(user)
    return user


@pytest.fixture
def host_and_offer(transactional_db):
    organization = make_organization("Stowarzyszenie Wyścigowe")
    representative = create_user("gospodarz@example.org")
    Membership.objects.create(
        user=representative, organization=organization, status=Membership.Status.ACTIVE
    )
    offer = make_offer(organization, "Wyścig o miejsca", places=PLACES)
    return representative, offer


@pytest.mark.django_db(transaction=True)
def test_concurrent_accepts_never_exceed_the_places(host_and_offer):
    representative, offer = host_and_offer
    applications = [
        services.apply_for_offer(offer=offer, volunteer=volunteer(i), message="Chętnie.")
        for i in range(RACERS)
    ]

    def accept(index: int) -> str:
        try:
            services.accept_application(application=applications[index], by=representative)
        except ValidationError as error:
            return error.code
        return "accepted"

    outcomes = race(accept, RACERS)

    assert sorted(outcomes) == sorted(["accepted"] * PLACES + ["full"] * (RACERS - PLACES))
    assert offer.applications.filter(status=Application.Status.ACCEPTED).count() == PLACES
    assert Engagement.objects.filter(application__offer=offer).count() == PLACES
    offer.refresh_from_db()
    assert offer.status == Offer.Status.FILLED


@pytest.mark.django_db(transaction=True)
def test_concurrent_applications_for_the_last_place_while_it_is_taken(host_and_offer):
    """Half the racers apply while the other half accept the pending applications: never more
    accepted than places, and nobody's application is lost half-saved."""
    representative, offer = host_and_offer
    pending = [
        services.apply_for_offer(offer=offer, volunteer=volunteer(i), message="Chętnie.")
        for i in range(RACERS // 2)
    ]
    newcomers = [volunteer(100 + i) for i in range(RACERS // 2)]

    def act(index: int) -> str:
        try:
            if index % 2:
                services.accept_application(application=pending[index // 2], by=representative)
                return "accepted"
            services.apply_for_offer(
                offer=offer, volunteer=newcomers[index // 2], message="Też chętnie."
            )
        except ValidationError as error:
            return error.code
        return "applied"

    outcomes = race(act, RACERS)

    assert outcomes.count("accepted") == PLACES
    assert set(outcomes) <= {"accepted", "applied", "full", "filled"}
    assert offer.applications.filter(status=Application.Status.ACCEPTED).count() == PLACES
    assert offer.applications.filter(volunteer__in=newcomers).count() == outcomes.count("applied")


@pytest.mark.django_db(transaction=True)
def test_one_volunteer_clicking_twenty_times_applies_once(host_and_offer):
    _representative, offer = host_and_offer
    person = volunteer(0)

    def apply(index: int) -> str:
        try:
            services.apply_for_offer(offer=offer, volunteer=person, message=f"Próba {index}")
        except ValidationError as error:
            return error.code
        return "applied"

    outcomes = race(apply, RACERS)

    assert sorted(outcomes) == sorted(["applied"] + ["duplicate"] * (RACERS - 1))
    assert Application.objects.filter(offer=offer, volunteer=person).count() == 1
