import pytest

from pomyslowice.search import analysis
from pomyslowice.search.index import _remember_terms
from pomyslowice.search.models import SearchDocument


@pytest.fixture
def index_text(db):
    """Index a text as a document of `kind`, the way the index stores registered objects."""

    def index(object_id, title, body="", *, kind="organization", date=None, **visibility):
        row = SearchDocument.objects.create(
            kind=kind,
            object_id=str(object_id),
            title=title,
            url=f"/test/{kind}/{object_id}/",
            body=body,
            body_words=analysis.spaced_words(body),
            title_terms=analysis.terms(title),
            body_terms=analysis.terms(body),
            date=date,
            **visibility,
        )
        _remember_terms([row])
        return row

    return index


def ids(results):
    return [item.object_id for item in results.items]
