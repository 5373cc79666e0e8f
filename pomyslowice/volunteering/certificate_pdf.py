"""The certificate of volunteering (zaświadczenie, art. 44 ust. 5) and the host's opinion
(opinia, art. 44 ust. 6) as one-page A4 PDFs.

The certificate's text is made from the records: who, for whom, what (the offer's tasks), when,
and the approved hours as of the moment it was issued, so it reads the same on every download.
The opinion adds the host's own words. Rendered in the active language; DejaVu fonts carry the
Polish letters that the PDF core fonts lack.
"""

import datetime
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF

from .hours_services import approved_hours_total, hours_text
from .models import CertificateRequest, Engagement

FONTS = Path(__file__).resolve().parent.parent / "core" / "fonts"
FONT = "DejaVu"


def certificate_number(request: CertificateRequest) -> str:
    year = timezone.localdate(request.issued_at).year
    return f"{request.engagement_id}/{request.pk}/{year}"


def certificate_filename(request: CertificateRequest) -> str:
    prefix = "opinia" if request.kind == CertificateRequest.Kind.OPINION else "zaswiadczenie"
    return f"{prefix}-{request.engagement_id}-{request.pk}.pdf"


def person_name(user) -> str:
    return user.get_full_name() or user.email


def _day(day: datetime.date) -> str:
    return date_format(day, "DATE_FORMAT")


def period_text(engagement: Engagement, issued_on: datetime.date) -> str:
    """From the start to the end of the work, or to the day of issue while it goes on."""
    end = engagement.ends_on
    if engagement.ended_at:
        end = min(filter(None, (end, timezone.localdate(engagement.ended_at))))
    if end is None or end > issued_on:
        return _("from %(start)s until the date of issue") % {"start": _day(engagement.starts_on)}
    return _("from %(start)s to %(end)s") % {"start": _day(engagement.starts_on), "end": _day(end)}


def _tasks(offer) -> str:
    lines = [line.strip(" \t-•") for line in offer.tasks.splitlines()]
    return "\n".join(f"– {line}" for line in lines if line)


def _approved_hours(hours) -> str:
    return _("%(hours)s hours (approved by the host)") % {"hours": hours_text(hours)}


def certificate_pdf(request: CertificateRequest) -> bytes:
    """The issued certificate or opinion; the caller checks it is issued."""
    engagement = request.engagement
    offer, volunteer = engagement.application.offer, engagement.named_volunteer()
    issued_on = timezone.localdate(request.issued_at)
    is_opinion = request.kind == CertificateRequest.Kind.OPINION
    title = _("Opinion on volunteer work") if is_opinion else _("Certificate of volunteering")

    pdf = FPDF(format="A4")
    pdf.set_title(title)
    pdf.add_font(FONT, "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(25, 25)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()

    def text(value: str, *, size: int = 11, bold: bool = False, align="L", gap: float = 3):
        pdf.set_font(FONT, "B" if bold else "", size)
        pdf.multi_cell(0, size * 0.5, value, align=align, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    def item(label: str, value: str) -> None:
        text(label, size=10, bold=True, gap=0.5)
        text(value, gap=3)

    text(offer.host.name, size=12, bold=True, gap=1)
    if address := _host_address(offer.host):
        text(address, size=9, gap=1)
    place = offer.host.city or settings.CENTRE_CITY
    text(f"{place}, {_day(issued_on)}", size=10, align="R", gap=12)
    text(title, size=20, bold=True, align="C", gap=2)
    text(_("No. %(number)s") % {"number": certificate_number(request)}, size=10, align="C", gap=10)
    text(
        _(
            "%(host)s certifies that %(volunteer)s performed volunteer work for it under the "
            "Act of 24 April 2003 on public benefit activity and volunteer work."
        )
        % {"host": offer.host.name, "volunteer": volunteer},
        gap=6,
    )
    item(_("Volunteer"), volunteer)
    item(_("Host organisation"), offer.host.name)
    item(_("Volunteering"), offer.title)
    item(_("Period"), period_text(engagement, issued_on))
    item(_("Scope of the work"), _tasks(offer) or "—")
    if is_opinion:
        item(_("Opinion"), request.opinion)
    else:
        item(
            _("Hours worked"),
            _approved_hours(approved_hours_total(engagement, as_of=request.issued_at)),
        )
    pdf.ln(14)
    signer = person_name(request.issued_by) if request.issued_by else ""
    text(_("For the host organisation:"), size=10, align="R", gap=1)
    text(signer or "………………………………", size=11, align="R", gap=1)
    text(
        _("Requested on %(requested)s, issued on %(issued)s.")
        % {"requested": _day(timezone.localdate(request.requested_at)), "issued": _day(issued_on)},
        size=8,
        gap=0,
    )
    return bytes(pdf.output())


def _host_address(host) -> str:
    town = " ".join(part for part in (host.postal_code, host.city) if part)
    return ", ".join(part for part in (host.street, town) if part)
