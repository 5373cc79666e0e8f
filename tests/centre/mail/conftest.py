import datetime

import pytest
from django.utils import timezone

from pomyslowice.centre.models import MailItem


@pytest.fixture
def organization(organization):
    """The represented organisation uses the centre's correspondence address."""
    organization.uses_centre_address = True
    organization.save(update_fields=["uses_centre_address"])
    return organization


@pytest.fixture
def other_organization(other_organization):
    other_organization.uses_centre_address = True
    other_organization.save(update_fields=["uses_centre_address"])
    return other_organization


def make_item(organization, *, days_ago=0, sender="Urząd Miasta Mysłowice", **fields):
    fields.setdefault("kind", MailItem.Kind.LETTER)
    return MailItem.objects.create(
        organization=organization,
        sender=sender,
        received_on=timezone.localdate() - datetime.timedelta(days=days_ago),
        **fields,
    )


@pytest.fixture
def item(organization):
    return make_item(organization, days_ago=2, registered=True, sender="Sąd Rejonowy Katowice")


@pytest.fixture
def other_item(other_organization):
    return make_item(other_organization, days_ago=1, sender="Bank Spółdzielczy")
