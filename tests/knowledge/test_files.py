"""Attachments and research reports: the type comes from the bytes; downloads never run as pages."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from pomyslowice.core.documents import DOCX, ODT, PDF, PNG
from pomyslowice.knowledge import services
from pomyslowice.knowledge.models import Article, Attachment
from tests.conftest import PERSONAS

from .conftest import MINIMAL_PDF, make_article, minimal_docx, minimal_odt, upload

pytestmark = pytest.mark.django_db

PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.mark.parametrize(
    "name, content, expected_type",
    [
        ("raport.pdf", MINIMAL_PDF, PDF),
        ("wniosek.docx", minimal_docx(), DOCX),
        ("statut.odt", minimal_odt(), ODT),
        ("zdjecie.png", PNG_BYTES, PNG),
        ("bez-rozszerzenia", MINIMAL_PDF, PDF),
    ],
)
def test_real_documents_accepted(users, article, name, content, expected_type):
    attachment = services.add_attachment(
        article=article, title="Wzór", file=upload(name, content), by=users["coordinator"]
    )
    assert attachment.content_type == expected_type
    assert attachment.size == len(content)


def test_attachments_are_kept_where_the_web_server_does_not_serve(users, article, settings):
    attachment = services.add_attachment(
        article=article,
        title="Wzór",
        file=upload("raport.pdf", MINIMAL_PDF),
        by=users["coordinator"],
    )
    path = Path(attachment.file.path)
    assert path.is_relative_to(settings.PRIVATE_MEDIA_ROOT)
    assert not path.is_relative_to(settings.MEDIA_ROOT)


@pytest.mark.parametrize(
    "name, content",
    [
        ("raport.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 100),  # a renamed .exe
        ("strona.html", b"<!DOCTYPE html><script>alert(1)</script>"),
        ("strona.pdf", b"<html><body>%PDF-1.4</body></html>"),
        ("archiwum.docx", b"PK\x03\x04 not really a zip"),
        ("spakowany.docx", b""),
    ],
)
def test_dangerous_or_unknown_files_refused(users, article, name, content):
    with pytest.raises(ValidationError) as error:
        services.add_attachment(
            article=article, title="x", file=upload(name, content), by=users["coordinator"]
        )
    assert "file" in error.value.message_dict
    assert not Attachment.objects.exists()


def test_plain_zip_without_office_parts_refused(users, article):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.exe", b"MZ")
    with pytest.raises(ValidationError):
        services.add_attachment(
            article=article,
            title="x",
            file=upload("a.docx", buffer.getvalue()),
            by=users["coordinator"],
        )


def test_oversized_file_refused(users, article, settings):
    settings.ATTACHMENT_MAX_BYTES = 1000
    with pytest.raises(ValidationError) as error:
        services.add_attachment(
            article=article,
            title="x",
            file=upload("duzy.pdf", MINIMAL_PDF + b"0" * 2000),
            by=users["coordinator"],
        )
    assert "too large" in " ".join(error.value.messages) or "duży" in " ".join(error.value.messages)


def test_upload_page_shows_the_reason(client_for, article):
    client = client_for("coordinator")
    response = client.post(
        f"/en/wiedza/{article.slug}/zalaczniki/",
        {"title": "Program", "file": upload("program.pdf", b"MZ\x90\x00exe")},
        follow=True,
    )
    assert "This file type is not accepted" in response.content.decode()
    assert not Attachment.objects.exists()


def test_report_must_be_a_document(users):
    with pytest.raises(ValidationError) as error:
        services.create_article(
            data={
                "kind": "research",
                "title": "Badanie potrzeb",
                "tags": [],
                "report": upload("raport.png", PNG_BYTES),
            },
            by=users["coordinator"],
        )
    assert "report" in error.value.message_dict
    assert not Article.objects.exists()


def test_report_of_wrong_type_is_an_error_on_the_form(client_for):
    """Found by the form fuzzer: the report's check used to crash the form (a 500)."""
    response = client_for("coordinator").post(
        "/en/wiedza/nowy/",
        {"kind": "research", "title": "Badanie", "report": upload("raport.exe", b"MZ\x90\x00")},
    )
    assert response.status_code in (200, 400)
    assert "This file type is not accepted" in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_download_headers_and_access(client_for, users, article, proposal, persona):
    public = services.add_attachment(
        article=article,
        title="Wzór wniosku",
        file=upload("w.pdf", MINIMAL_PDF),
        by=users["coordinator"],
    )
    hidden = services.add_attachment(
        article=proposal,
        title="Szkic",
        file=upload("s.docx", minimal_docx()),
        by=users["coordinator"],
    )
    client = client_for(persona)
    response = client.get(public.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == PDF
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == MINIMAL_PDF
    readers = {"representative", "coordinator", "ngo_caretaker", "analyst", "volunteer_caretaker"}
    assert client.get(hidden.get_absolute_url()).status_code == (200 if persona in readers else 404)
    # An attachment id under another article's address is a 404.
    assert client.get(f"/wiedza/{article.slug}/zalaczniki/{hidden.pk}/").status_code == 404


def test_remove_attachment(client_for, users, article):
    attachment = services.add_attachment(
        article=article, title="Wzór", file=upload("w.pdf", MINIMAL_PDF), by=users["coordinator"]
    )
    assert (
        client_for("representative")
        .post(f"/wiedza/{article.slug}/zalaczniki/{attachment.pk}/usun/")
        .status_code
        == 404
    )
    client_for("coordinator").post(f"/wiedza/{article.slug}/zalaczniki/{attachment.pk}/usun/")
    assert not Attachment.objects.exists()


def test_research_report_download(client_for, users):
    article = services.create_article(
        data={
            "kind": "research",
            "title": "Badanie potrzeb seniorów",
            "tags": [],
            "report": upload("raport.pdf", MINIMAL_PDF),
        },
        by=users["coordinator"],
    )
    services.publish_article(article=article, by=users["coordinator"])
    response = client_for("anonymous").get(f"/wiedza/{article.slug}/raport/")
    assert response.status_code == 200
    assert response["Content-Type"] == PDF
    assert response["Content-Disposition"].startswith("attachment;")
    assert (
        client_for("anonymous")
        .get(f"/wiedza/{make_article('Bez raportu').slug}/raport/")
        .status_code
        == 404
    )


def test_images_shown_inline_with_nosniff(client, users, article):
    image = services.add_attachment(
        article=article, title="Ławki", file=upload("x.png", PNG_BYTES), by=users["coordinator"]
    )
    response = client.get(image.get_absolute_url())
    assert response["Content-Type"] == PNG
    assert response["Content-Disposition"].startswith("inline;")
    assert response["X-Content-Type-Options"] == "nosniff"
    text = client.get(article.get_absolute_url()).content.decode()
    assert f'<img src="{image.get_absolute_url()}" alt="Ławki"' in text
