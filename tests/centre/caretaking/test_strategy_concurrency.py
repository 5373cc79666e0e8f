"""Co-authors saving the same version at once: exactly one wins, the others are told."""

import pytest

from pomyslowice.centre import strategy_services as services
from pomyslowice.centre.models import StrategyPlan
from tests.events.test_registration_concurrency import race

RACERS = 10


@pytest.mark.django_db(transaction=True)
def test_concurrent_saves_of_one_version(users, organization):
    plan = services.save_plan(
        plan_or_org=organization, by=users["ngo_caretaker"], based_on_version=0, data={}
    )

    outcomes = race(
        lambda i: (
            services.save_plan(
                plan_or_org=plan,
                by=users["representative"],
                based_on_version=1,
                data={"goals": f"Cele {i}"},
            ).version
        ),
        RACERS,
    )

    assert sorted(outcomes, key=str) == sorted([2] + ["StalePlan"] * (RACERS - 1), key=str)
    plan = StrategyPlan.objects.get()
    assert plan.version == 2 and plan.versions.count() == 2


@pytest.mark.django_db(transaction=True)
def test_concurrent_starts_make_one_plan(users, organization):
    outcomes = race(
        lambda i: (
            services.save_plan(
                plan_or_org=organization, by=users["representative"], based_on_version=0, data={}
            ).version
        ),
        RACERS,
    )

    assert sorted(outcomes, key=str) == sorted([1] + ["StalePlan"] * (RACERS - 1), key=str)
    assert StrategyPlan.objects.count() == 1
