"""Attendance certificates: a one-page A4 PDF for a participant marked as present.

The page is rendered in the active language; DejaVu fonts carry the Polish letters that the
PDF core fonts lack.
"""

from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF

from .models import Registration

FONTS = Path(__file__).resolve().parent.parent / "core" / "fonts"
FONT = "DejaVu"


def certificate_number(registration: Registration) -> str:
    year = timezone.localdate(registration.event.start).year
    return f"{registration.event_id}/{registration.pk}/{year}"


def certificate_filename(registration: Registration) -> str:
    # Event slugs are ASCII already (services.unique_slug folds the title).
    return f"zaswiadczenie-{registration.event.slug}-{registration.pk}.pdf"


def certificate_pdf(registration: Registration) -> bytes:
    event = registration.event
    pdf = FPDF(format="A4")
    pdf.set_title(_("Certificate of attendance"))
    pdf.add_font(FONT, "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(25, 30)
    pdf.add_page()

    def line(text: str, *, size: int, bold: bool = False, gap: float = 4) -> None:
        pdf.set_font(FONT, "B" if bold else "", size)
        pdf.multi_cell(0, size * 0.5, text, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    line(settings.CENTRE_NAME, size=12, gap=25)
    line(_("Certificate of attendance"), size=26, bold=True, gap=6)
    line(_("No. %(number)s") % {"number": certificate_number(registration)}, size=11, gap=20)
    line(_("This is to certify that"), size=13)
    line(registration.name, size=20, bold=True, gap=8)
    line(_("took part in"), size=13)
    line(event.title, size=16, bold=True, gap=8)
    line(_event_dates(event), size=12)
    if place := _event_place(event):
        line(place, size=12)
    organiser = event.organizer.name if event.organizer else settings.CENTRE_NAME
    line(_("Organiser: %(organiser)s") % {"organiser": organiser}, size=12, gap=30)
    issued = date_format(timezone.localdate(), "DATE_FORMAT")
    line(_("Issued on %(date)s") % {"date": issued}, size=11)
    return bytes(pdf.output())


def _event_dates(event) -> str:
    start, end = timezone.localdate(event.start), timezone.localdate(event.end)
    if start == end:
        return date_format(start, "DATE_FORMAT")
    return f"{date_format(start, 'DATE_FORMAT')} – {date_format(end, 'DATE_FORMAT')}"


def _event_place(event) -> str:
    place = ", ".join(part for part in (event.place_name, event.address) if part)
    return place or (_("online") if event.online_url else "")
