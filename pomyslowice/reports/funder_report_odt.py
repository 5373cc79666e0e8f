"""The funder's report as an OpenDocument text file, for staff who edit it further."""

import io

from django.utils.translation import gettext as _
from odf.opendocument import OpenDocumentText
from odf.style import ParagraphProperties, Style, TableColumnProperties, TextProperties
from odf.table import Table as OdfTable
from odf.table import TableCell, TableColumn, TableRow
from odf.text import H, P

from .funder_report import ReportContent, Table, day, tables


class _Document:
    def __init__(self):
        self.odt = OpenDocumentText()
        self.bold = self._paragraph_style("Bold", fontweight="bold")
        self.title = self._paragraph_style("Title", fontweight="bold", fontsize="18pt")
        self.heading_style = self._paragraph_style("Heading", fontweight="bold", fontsize="13pt")
        self.number = Style(name="Number", family="paragraph")
        self.number.addElement(ParagraphProperties(textalign="end"))
        self.odt.automaticstyles.addElement(self.number)
        self.tables = 0

    def _paragraph_style(self, name: str, **text) -> Style:
        style = Style(name=name, family="paragraph")
        style.addElement(TextProperties(**text))
        self.odt.styles.addElement(style)
        return style

    def text(self, value: str, style=None) -> None:
        # Line breaks in staff's text become paragraphs; a bare "\n" is not a break in ODF.
        for line in value.splitlines() or [""]:
            self.odt.text.addElement(P(text=line, stylename=style) if style else P(text=line))

    def heading(self, value: str) -> None:
        self.odt.text.addElement(H(outlinelevel=2, stylename=self.heading_style, text=value))

    def table(self, table: Table) -> None:
        self.heading(table.heading)
        if not table.rows:
            self.text(table.empty_text)
            return
        self.tables += 1
        odf_table = OdfTable(name=f"Table{self.tables}")
        for position, width in enumerate(table.widths):
            column = Style(name=f"Table{self.tables}.C{position}", family="table-column")
            column.addElement(TableColumnProperties(columnwidth=f"{width}mm"))
            self.odt.automaticstyles.addElement(column)
            odf_table.addElement(TableColumn(stylename=column))
        for index, values in enumerate([table.header, *table.rows]):
            row = TableRow()
            for position, value in enumerate(values):
                cell = TableCell(valuetype="string")
                style = self.bold if index == 0 else (self.number if position else None)
                cell.addElement(
                    P(text=str(value), stylename=style) if style else P(text=str(value))
                )
                row.addElement(cell)
            odf_table.addElement(row)
        self.odt.text.addElement(odf_table)
        if table.note:
            self.text(table.note)

    def output(self) -> bytes:
        buffer = io.BytesIO()
        self.odt.write(buffer)
        return buffer.getvalue()


def funder_report_odt(content: ReportContent) -> bytes:
    project = content.project
    document = _Document()
    document.text(_("Report for the funder"), document.title)
    document.text(project.name, document.bold)
    document.text(_("Funder: %(funder)s") % {"funder": project.funder})
    document.text(
        _("Period: %(start)s – %(end)s") % {"start": day(content.start), "end": day(content.end)}
    )
    for table in tables(content):
        document.table(table)
    for label, text in content.narrative:
        document.heading(label)
        document.text(text or "—")
    document.text(_("Generated on %(day)s.") % {"day": day(content.generated_on)})
    return document.output()
