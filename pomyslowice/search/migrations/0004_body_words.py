"""The body's folded words, stored for phrase ranking, filled in for documents already indexed."""

from django.db import migrations, models

# The analysis is the index's own code, not a frozen copy: these words must be exactly what the
# indexer writes from now on.
from pomyslowice.search.analysis import spaced_words


def fill(apps, schema_editor):
    SearchDocument = apps.get_model("search", "SearchDocument")
    documents = SearchDocument.objects.only("body")
    for document in documents.iterator(chunk_size=500):
        document.body_words = spaced_words(document.body)
        document.save(update_fields=["body_words"])


class Migration(migrations.Migration):
    dependencies = [("search", "0003_title_vector_index")]

    operations = [
        migrations.AddField(
            model_name="searchdocument", name="body_words", field=models.TextField(blank=True, null=True)
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
