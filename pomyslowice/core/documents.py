"""What an uploaded document really is, judged by its bytes, never by its name or the browser."""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
PNG = "image/png"
JPEG = "image/jpeg"

EXTENSIONS = {
    PDF: "pdf",
    DOCX: "docx",
    XLSX: "xlsx",
    ODT: "odt",
    ODS: "ods",
    PNG: "png",
    JPEG: "jpg",
}
LABELS = {PDF: "PDF", DOCX: "DOCX", XLSX: "XLSX", ODT: "ODT", ODS: "ODS", PNG: "PNG", JPEG: "JPEG"}
# Only these are ever shown in the page; every other type is a download.
INLINE_TYPES = {PNG, JPEG}

_OOXML_MAIN_PARTS = {"word/document.xml": DOCX, "xl/workbook.xml": XLSX}
_ODF_TYPES = {ODT, ODS}
_ZIP_ENTRIES_LIMIT = 2000


def _zip_type(upload) -> str | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if len(names) > _ZIP_ENTRIES_LIMIT:
                return None
            if "mimetype" in names:
                declared = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
                return declared if declared in _ODF_TYPES else None
            if "[Content_Types].xml" in names:
                return next(
                    (kind for part, kind in _OOXML_MAIN_PARTS.items() if part in names), None
                )
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return None
    return None


def sniff(upload) -> str | None:
    """The file's type from its content, or None when it is none of the allowed ones."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        kind = PDF
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = PNG
    elif head.startswith(b"\xff\xd8\xff"):
        kind = JPEG
    elif head.startswith(b"PK\x03\x04"):
        kind = _zip_type(upload)
    else:
        kind = None
    upload.seek(0)
    return kind


def validate_document(upload, *, images: bool = True) -> str:
    """The sniffed type of an acceptable upload; a ValidationError for anything else."""
    limit = settings.ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s); at most %(limit)s is allowed.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    kind = sniff(upload)
    if kind is None or (kind in INLINE_TYPES and not images):
        allowed = "PDF, DOCX, XLSX, ODT, ODS" + (", PNG, JPEG" if images else "")
        raise ValidationError(
            _("This file type is not accepted. Allowed: %(types)s.") % {"types": allowed},
            code="file_type",
        )
    return kind
