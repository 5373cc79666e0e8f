"""A strategy plan as an A4 PDF, for printing and for sending to partners.

Rendered in the active language; DejaVu fonts carry the Polish letters that the PDF core fonts
lack.
"""

from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from fpdf import FPDF

from .models import StrategyPlan

FONTS = Path(__file__).resolve().parent.parent / "core" / "fonts"
FONT = "DejaVu"


def plan_filename(plan: StrategyPlan) -> str:
    # Organisation slugs are ASCII already.
    return f"strategia-{plan.organization.slug}-v{plan.version}.pdf"


def plan_pdf(plan: StrategyPlan) -> bytes:
    organization = plan.organization
    pdf = FPDF(format="A4")
    pdf.set_title(_("Strategy plan of %(name)s") % {"name": organization.name})
    pdf.add_font(FONT, "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()

    def text(value: str, *, size: int = 10, bold: bool = False, gap: float = 2) -> None:
        pdf.set_font(FONT, "B" if bold else "", size)
        pdf.multi_cell(0, size * 0.5, value, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    def section(heading: str, body: str) -> None:
        text(heading, size=12, bold=True, gap=1)
        text(body or "—", gap=4)

    text(settings.CENTRE_NAME, size=9, gap=6)
    text(_("Strategy plan"), size=20, bold=True, gap=1)
    text(organization.name, size=15, bold=True, gap=2)
    updated = date_format(timezone.localtime(plan.updated_at), "DATE_FORMAT")
    text(
        _("Version %(number)s of %(date)s") % {"number": plan.version, "date": updated},
        size=9,
        gap=6,
    )
    for name in ("strengths", "weaknesses", "opportunities", "threats", "goals"):
        section(
            str(StrategyPlan._meta.get_field(name).verbose_name).capitalize(), getattr(plan, name)
        )
    partners = ", ".join(partner.name for partner in plan.partners.order_by("name", "pk"))
    section(_("Partner organisations"), partners)
    section(_("How the partners take part"), plan.partnership_notes)
    text(pgettext("strategy plan", "Actions"), size=12, bold=True, gap=1)
    actions = list(plan.actions.all())
    for number, action in enumerate(actions, start=1):
        deadline = date_format(action.deadline, "DATE_FORMAT") if action.deadline else "—"
        text(
            f"{number}. {action.description}\n"
            + _("Responsible: %(owner)s · deadline: %(deadline)s · status: %(status)s")
            % {"owner": action.owner, "deadline": deadline, "status": action.get_status_display()},
            gap=2,
        )
    if not actions:
        text("—", gap=2)
    pdf.ln(2)
    next_review = date_format(plan.next_review, "DATE_FORMAT") if plan.next_review else "—"
    section(_("Next review"), next_review)
    held = [review for review in plan.reviews.all() if review.held]
    if held:
        text(_("Reviews held"), size=12, bold=True, gap=1)
        for review in held:
            text(f"{date_format(review.date, 'DATE_FORMAT')}: {review.summary or '—'}", gap=2)
    return bytes(pdf.output())
