"""Loads the areas of public benefit and the districts of Mysłowice (re-runnable)."""

from django.db import migrations

from pomyslowice.core.reference_data import (
    AREAS_OF_PUBLIC_BENEFIT,
    MYSLOWICE_DISTRICTS,
    area_position,
    area_source,
)


def load_reference_data(apps, schema_editor):
    AreaOfBenefit = apps.get_model("core", "AreaOfBenefit")
    District = apps.get_model("core", "District")
    for code, slug, name in AREAS_OF_PUBLIC_BENEFIT:
        AreaOfBenefit.objects.update_or_create(
            code=code,
            defaults={
                "slug": slug,
                "name": name,
                "position": area_position(code),
                "source": area_source(code),
                "is_active": True,
            },
        )
    for slug, name in MYSLOWICE_DISTRICTS:
        District.objects.update_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
    ]

    operations = [
        # Going back keeps the rows: organisations and people may already point at them.
        migrations.RunPython(load_reference_data, migrations.RunPython.noop),
    ]
