"""A GIN index on the title's tsvector (PostgreSQL only): search reads title matches first and
body matches only when those fall short, so a common word need not read all its matches.
SQLite finds title matches through the FTS5 column filter instead."""

from django.db import migrations

CREATE = "CREATE INDEX search_document_title_vector ON search_searchdocument USING gin (title_vector)"
DROP = "DROP INDEX IF EXISTS search_document_title_vector"


def _on_postgresql(statement):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0002_full_text")]

    operations = [migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP))]
