"""The funder's report as an A4 PDF; DejaVu fonts carry the Polish letters the core fonts lack."""

from pathlib import Path

from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.fonts import FontFace

from .funder_report import ReportContent, Table, day, tables

FONTS = Path(__file__).resolve().parent.parent / "core" / "fonts"
FONT = "DejaVu"
HEADER_STYLE = FontFace(emphasis="BOLD", fill_color=(230, 230, 230))


class _Document:
    def __init__(self, title: str):
        self.pdf = FPDF(format="A4")
        self.pdf.set_title(title)
        self.pdf.add_font(FONT, "", str(FONTS / "DejaVuSans.ttf"))
        self.pdf.add_font(FONT, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.pdf.set_margins(18, 18)
        self.pdf.set_auto_page_break(True, margin=18)
        self.pdf.add_page()

    def text(self, value: str, *, size: int = 10, bold: bool = False, gap: float = 2) -> None:
        self.pdf.set_font(FONT, "B" if bold else "", size)
        self.pdf.multi_cell(0, size * 0.5, value, new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(gap)

    def heading(self, value: str) -> None:
        self.pdf.ln(2)
        self.text(value, size=13, bold=True)

    def table(self, table: Table) -> None:
        self.heading(table.heading)
        if not table.rows:
            self.text(table.empty_text)
            return
        self.pdf.set_font(FONT, "", 8)
        aligns = ["LEFT"] + ["RIGHT"] * (len(table.header) - 1)
        with self.pdf.table(
            col_widths=table.widths, text_align=aligns, headings_style=HEADER_STYLE, line_height=5
        ) as pdf_table:
            for values in [table.header, *table.rows]:
                row = pdf_table.row()
                for value in values:
                    row.cell(str(value))
        self.pdf.ln(2)
        if table.note:
            self.text(table.note, size=8)


def funder_report_pdf(content: ReportContent) -> bytes:
    project = content.project
    document = _Document(_("Report for the funder: %(project)s") % {"project": project.name})
    document.text(_("Report for the funder"), size=18, bold=True)
    document.text(project.name, size=14, bold=True)
    document.text(_("Funder: %(funder)s") % {"funder": project.funder})
    document.text(
        _("Period: %(start)s – %(end)s") % {"start": day(content.start), "end": day(content.end)}
    )
    for table in tables(content):
        document.table(table)
    for label, text in content.narrative:
        document.heading(label)
        document.text(text or "—")
    document.pdf.ln(4)
    document.text(_("Generated on %(day)s.") % {"day": day(content.generated_on)}, size=8)
    return bytes(document.pdf.output())
