"""On PostgreSQL the database itself refuses overlapping holding bookings of one room and
overlapping holding appointments of one consultant (exclusion constraints over time ranges).
SQLite has no such constraints; there the services' IMMEDIATE transactions serialise writers."""

from django.db import migrations

CONSTRAINTS = [
    ("centre_roombooking", "room_booking_no_overlap", "room_id", "('pending', 'approved')"),
    (
        "centre_appointment",
        "appointment_no_overlap",
        "consultant_id",
        "('unconfirmed', 'booked')",
    ),
]


def add_exclusion_constraints(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    for table, name, column, statuses in CONSTRAINTS:
        schema_editor.execute(
            f"ALTER TABLE {table} ADD CONSTRAINT {name} EXCLUDE USING gist "
            f"({column} WITH =, tstzrange(start, \"end\", '[)') WITH &&) "
            f"WHERE (status IN {statuses})"
        )


def drop_exclusion_constraints(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, name, _column, _statuses in CONSTRAINTS:
        schema_editor.execute(f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("centre", "0001_initial")]

    operations = [migrations.RunPython(add_exclusion_constraints, drop_exclusion_constraints)]
