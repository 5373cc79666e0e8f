"""The "download my data" archive (art. 15 and 20 GDPR): every source's records of one person."""

import datetime
import decimal
import io
import json
import uuid
import zipfile

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from pomyslowice.core.audit import log_action
from pomyslowice.core.text import fold

from .registry import Subject, sources


class _Encoder(DjangoJSONEncoder):
    """Dates as ISO strings, Decimal as a string (no rounding), anything else as its text."""

    def default(self, o):
        if isinstance(o, decimal.Decimal):
            return str(o)
        if isinstance(o, datetime.date | datetime.time | uuid.UUID):
            return super().default(o)
        return str(o)


def collect(subject: Subject) -> dict[str, dict]:
    """Per source: its label and the records it holds about the subject."""
    return {
        source.name: {"label": str(source.label), "records": source.export(subject)}
        for source in sources()
    }


def build_archive(*, subject: Subject, by, data_request=None) -> bytes:
    """A ZIP with data.json and a README.txt in the active language; the export is logged."""
    held = collect(subject)
    data = {
        "generated_at": timezone.now().isoformat(),
        "subject": subject.email,
        **held,
    }
    readme = render_to_string(
        "privacy/export_readme.txt",
        {
            "SITE_NAME": settings.SITE_NAME,
            "SITE_URL": settings.SITE_URL,
            "controller": settings.PRIVACY_CONTROLLER,
            "sources": [(name, part["label"]) for name, part in held.items()],
            "subject": subject.email,
        },
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(data, cls=_Encoder, ensure_ascii=False, indent=2))
        archive.writestr("README.txt", readme)
    user = subject.user if subject.user is not None and subject.user.pk else None
    log_action(
        actor=by,
        verb="privacy.data.exported",
        target=user,
        data={
            "sources": sorted(held),
            "request": data_request.pk if data_request is not None else None,
        },
    )
    return buffer.getvalue()


def archive_filename() -> str:
    return f"{slugify(fold(settings.SITE_NAME))}-{timezone.localdate().isoformat()}.zip"
