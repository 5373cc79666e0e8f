import io
import zipfile
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.text import slugify

from pomyslowice.core.text import fold
from pomyslowice.knowledge.models import Article
from pomyslowice.knowledge.services import tags_for

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def minimal_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def minimal_odt() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def make_article(title="Jak złożyć wniosek o mały grant", **fields) -> Article:
    tags = fields.pop("tags", [])
    areas = fields.pop("areas", [])
    organizations = fields.pop("organizations", [])
    fields.setdefault("kind", Article.Kind.FUNDRAISING)
    fields.setdefault("status", Article.Status.PUBLISHED)
    if fields["status"] == Article.Status.PUBLISHED:
        fields.setdefault("published_at", timezone.now() - timedelta(days=1))
    fields.setdefault("slug", slugify(fold(title))[:100])
    fields.setdefault("lead", "Krótko o tym, jak to zrobić.")
    fields.setdefault("body", "<p>Treść artykułu o dotacjach dla organizacji.</p>")
    article = Article.objects.create(title=title, **fields)
    article.tags.set(tags_for(tags))
    article.areas.set(areas)
    article.organizations.set(organizations)
    return article


@pytest.fixture
def article(db, area):
    return make_article(tags=["dotacje"], areas=[area])


@pytest.fixture
def proposal(users, organization):
    """A representative's good practice, still a draft."""
    return make_article(
        "Wspólne sprzątanie Przemszy",
        slug="wspolne-sprzatanie",
        kind=Article.Kind.GOOD_PRACTICE,
        status=Article.Status.DRAFT,
        author=users["representative"],
        organizations=[organization],
        problem="Śmieci nad rzeką.",
    )
