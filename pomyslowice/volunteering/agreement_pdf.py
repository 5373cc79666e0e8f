"""One version of the volunteering agreement (porozumienie, art. 44) as an A4 PDF to print and sign.

The document's legal title stays in Polish in every language: it is the name the Act gives it.
The rest is rendered in the active language; DejaVu fonts carry the Polish letters.
"""

from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF

from .models import Agreement

FONTS = Path(__file__).resolve().parent.parent / "core" / "fonts"
FONT = "DejaVu"
LEGAL_TITLE = "Porozumienie o wykonywaniu świadczeń wolontariusza"


def agreement_filename(agreement: Agreement) -> str:
    return f"porozumienie-{agreement.engagement_id}-v{agreement.version}.pdf"


def _period(agreement: Agreement) -> str:
    start = date_format(agreement.starts_on, "DATE_FORMAT")
    if agreement.ends_on is None:
        return _("from %(start)s, for an indefinite period") % {"start": start}
    return _("from %(start)s to %(end)s") % {
        "start": start,
        "end": date_format(agreement.ends_on, "DATE_FORMAT"),
    }


def _confirmation(moment, who: str) -> str:
    if moment is None:
        return _("not confirmed yet")
    when = date_format(timezone.localtime(moment), "DATETIME_FORMAT")
    return _("confirmed on the platform by %(who)s on %(when)s") % {"who": who, "when": when}


def agreement_pdf(agreement: Agreement) -> bytes:
    engagement = agreement.engagement
    host = engagement.application.offer.host
    pdf = FPDF(format="A4")
    pdf.set_title(LEGAL_TITLE)
    pdf.add_font(FONT, "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()

    def text(value: str, *, size: int = 10, bold: bool = False, gap: float = 2) -> None:
        pdf.set_font(FONT, "B" if bold else "", size)
        pdf.multi_cell(0, size * 0.5, value, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    def section(number: int, heading: str, body: str) -> None:
        text(f"§ {number}. {heading}", size=11, bold=True, gap=1)
        text(body or "—", gap=4)

    text(settings.CENTRE_NAME, size=9, gap=6)
    text(LEGAL_TITLE, size=16, bold=True, gap=1)
    created = date_format(timezone.localtime(agreement.created_at), "DATE_FORMAT")
    text(
        _("Version %(version)s of %(date)s") % {"version": agreement.version, "date": created},
        size=9,
        gap=2,
    )
    text(
        _(
            "Concluded under art. 44 of the Act of 24 April 2003 on public benefit activity and "
            "volunteer work (Journal of Laws, Dz.U. 2003 No. 96 item 873, as amended)."
        ),
        size=9,
        gap=6,
    )
    text(_("Parties"), size=11, bold=True, gap=1)
    host_line = _("The host (korzystający): %(host)s, represented by %(signatory)s.") % {
        "host": host.name,
        "signatory": agreement.host_signatory,
    }
    volunteer_line = _("The volunteer: %(name)s.") % {"name": agreement.volunteer_name}
    if agreement.guardian_name:
        volunteer_line += " " + _(
            "The volunteer is under 13; the agreement is concluded on their behalf by the legal "
            "guardian %(guardian)s."
        ) % {"guardian": agreement.guardian_name}
    text(host_line, gap=1)
    text(volunteer_line, gap=6)
    section(1, _("Scope of the work"), agreement.scope)
    section(2, _("How the work is done"), agreement.manner)
    section(3, _("Period"), _period(agreement))
    section(4, _("How the agreement may be ended"), agreement.termination)
    section(5, _("Travel and other costs"), agreement.travel_costs)
    section(
        6,
        _("Duties of the host"),
        _(
            "The host informs the volunteer about the risks to health and safety connected with "
            "the work and about protection against them, provides safe and hygienic conditions, "
            "and on the volunteer's request issues a certificate of the work done (art. 45)."
        ),
    )
    pdf.ln(4)
    text(_("Confirmations"), size=11, bold=True, gap=1)
    text(
        _("Host: %(state)s")
        % {"state": _confirmation(agreement.host_confirmed_at, agreement.host_signatory)},
        gap=1,
    )
    volunteer_side = agreement.guardian_name or agreement.volunteer_name
    text(
        _("Volunteer: %(state)s")
        % {"state": _confirmation(agreement.volunteer_confirmed_at, volunteer_side)},
        gap=10,
    )
    volunteer_signs = (
        _("legal guardian of the volunteer") if agreement.guardian_name else _("the volunteer")
    )
    half = (pdf.w - pdf.l_margin - pdf.r_margin) / 2
    pdf.set_font(FONT, "", 10)
    pdf.cell(half, 6, "." * 45)
    pdf.cell(half, 6, "." * 45, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 8)
    pdf.cell(half, 5, _("signature for the host"))
    pdf.cell(half, 5, volunteer_signs, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
