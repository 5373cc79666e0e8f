"""Registrations racing each other: the database, not luck, keeps identifiers unique."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from pomyslowice.organizations import services
from pomyslowice.organizations.models import Organization

from .conftest import NIP, service_data

RACERS = 12


def race(function, count: int = RACERS) -> list[str]:
    """Run `function` in `count` threads released at the same moment; each gets its own
    database connection. Returns "ok" or the error's class name per thread."""
    barrier = threading.Barrier(count)

    def run(index: int) -> str:
        try:
            barrier.wait()
            function(index)
            return "ok"
        except ValidationError:
            return "ValidationError"
        except Exception as error:  # any other outcome is a defect the assertion will show
            return type(error).__name__
        finally:
            connection.close()

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(run, range(count)))


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_with_one_nip_create_exactly_one(users):
    submitter = users["resident"]

    outcomes = race(
        lambda i: services.register_organization(
            data=service_data(name=f"Stowarzyszenie Wyścig {i}", krs=None, nip=NIP),
            by=submitter,
        )
    )

    assert sorted(outcomes) == ["ValidationError"] * (RACERS - 1) + ["ok"]
    assert Organization.objects.filter(nip=NIP).count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_with_one_name_get_distinct_addresses(users):
    submitter = users["resident"]

    outcomes = race(
        lambda i: services.register_organization(
            data=service_data(name="Klub Bliźniaczy", krs=None, nip=None, regon=None),
            by=submitter,
        )
    )

    created = Organization.objects.filter(name="Klub Bliźniaczy")
    # Each racer either got its own address or a clear "try again"; never a 500.
    assert set(outcomes) <= {"ok", "ValidationError"}
    assert created.count() == outcomes.count("ok") >= 1
    assert len(set(created.values_list("slug", flat=True))) == created.count()
