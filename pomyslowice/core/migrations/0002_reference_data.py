"""Loads the areas of public benefit and the districts of Mysłowice (re-runnable)."""

from django.db import migrations

from pomyslowice.core.reference_data import load_reference_data


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
    ]

    operations = [
        # Going back keeps the rows: organisations and people may already point at them.
        migrations.RunPython(load_reference_data, migrations.RunPython.noop),
    ]
