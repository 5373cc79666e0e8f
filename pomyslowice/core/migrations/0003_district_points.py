"""A point inside each district, for distances between districts (volunteer matching)."""

from django.db import migrations, models

from pomyslowice.core.reference_data import MYSLOWICE_DISTRICT_POINTS


def add_points(apps, schema_editor):
    District = apps.get_model("core", "District")
    for slug, (latitude, longitude) in MYSLOWICE_DISTRICT_POINTS.items():
        District.objects.filter(slug=slug, latitude__isnull=True).update(
            latitude=latitude, longitude=longitude
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0002_reference_data")]

    operations = [
        migrations.AddField(
            model_name="district",
            name="latitude",
            field=models.DecimalField(
                blank=True, decimal_places=5, max_digits=8, null=True, verbose_name="latitude"
            ),
        ),
        migrations.AddField(
            model_name="district",
            name="longitude",
            field=models.DecimalField(
                blank=True, decimal_places=5, max_digits=8, null=True, verbose_name="longitude"
            ),
        ),
        migrations.RunPython(add_points, migrations.RunPython.noop),
    ]
