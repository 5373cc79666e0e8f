"""Support received (`SupportRecord`) written by the centre's services: one record per kind and
source object, removed again when the delivery is undone."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models

from pomyslowice.organizations.models import Organization, SupportRecord


def _source(kind: str, source: models.Model) -> dict:
    return {
        "kind": kind,
        "source_type": ContentType.objects.get_for_model(source),
        "source_id": str(source.pk),
    }


def record_support(
    *,
    kind: str,
    source: models.Model,
    date: datetime.date,
    organization: Organization | None,
    summary: str,
    by,
    person=None,
    person_name: str = "",
) -> SupportRecord:
    """Write the record, or bring it up to date; who recorded it first stays recorded."""
    fields = {
        "date": date,
        "organization": organization,
        "person": person,
        "person_name": person_name,
        "summary": summary[:300],
    }
    record, _created = SupportRecord.objects.update_or_create(
        **_source(kind, source),
        defaults=fields,
        create_defaults={**fields, "recorded_by": by},
    )
    return record


def remove_support(*, kind: str, source: models.Model) -> None:
    SupportRecord.objects.filter(**_source(kind, source)).delete()
