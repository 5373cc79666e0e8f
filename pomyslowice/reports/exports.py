"""Support records and indicators as CSV and XLSX files, however many rows there are.

File format decisions (the export page says the same to staff):
- header rows are stable English keys, so a spreadsheet or script built on one export keeps
  working whatever language the page was in; the values (kind labels) are in the active language;
- CSV is UTF-8 with a byte order mark (Excel then shows Polish letters) and `;` between fields,
  the separator Excel expects where the decimal mark is a comma, as in Poland; dates are ISO;
- support records carry only what the SupportRecord row itself says: staff-only notes
  (consultation notes, caretaker contact notes) live on their source objects and are never joined;
- memory stays flat: CSV is streamed row by row from a chunked database iterator, XLSX is written
  by openpyxl's write-only workbook into a temporary file that is then sent from disk.
"""

import csv
import dataclasses
import datetime
import tempfile
from collections.abc import Iterable, Iterator

from django.db.models import QuerySet
from django.http import FileResponse, StreamingHttpResponse
from openpyxl import Workbook

from pomyslowice.organizations.models import SupportRecord

from . import indicators
from .models import Project

CHUNK_SIZE = 2000
CSV_DELIMITER = ";"
BOM = "\ufeff"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

SUPPORT_HEADER = ["date", "kind", "organization", "person", "summary"]
INDICATOR_HEADER = ["section", "key", "label", "persons", "organizations", "services"]
INDICATOR_SECTIONS = {
    "by_kind": indicators.by_kind,
    "by_month": indicators.by_month,
    "by_area": indicators.by_area,
    "by_district": indicators.by_district,
}


@dataclasses.dataclass(frozen=True)
class Selection:
    """What the export form chose: the records and the period they come from."""

    records: QuerySet
    start: datetime.date
    end: datetime.date
    project: Project | None = None


# --- support records ---------------------------------------------------------------------------


def _person(name, email, first_name, last_name, account_email) -> str:
    """The person as recorded at the service; the account's details only when nothing was."""
    account_name = f"{first_name or ''} {last_name or ''}".strip()
    return name or account_name or email or account_email or ""


def support_rows(records: QuerySet) -> Iterator[list]:
    """One list per record, in date order, fetched in chunks in a single query."""
    labels = dict(SupportRecord.Kind.choices)
    values = records.order_by("date", "pk").values_list(
        "date",
        "kind",
        "organization__name",
        "person_name",
        "person_email",
        "person__first_name",
        "person__last_name",
        "person__email",
        "summary",
    )
    for date, kind, organization, *person, summary in values.iterator(chunk_size=CHUNK_SIZE):
        yield [date, str(labels.get(kind, kind)), organization or "", _person(*person), summary]


# --- indicators --------------------------------------------------------------------------------


def indicator_tables(selection: Selection) -> list[tuple[str, list[list]]]:
    """[(section, rows)]: the totals (and the project's targets), then each breakdown."""
    totals = indicators.figures(selection.records)
    total_rows = [["all", "", totals.persons, totals.organizations, totals.services]]
    if selection.project is not None:
        project = selection.project
        total_rows.append(["target", "", project.target_persons, project.target_organizations, ""])
    tables = [("figures", total_rows)]
    for section, breakdown in INDICATOR_SECTIONS.items():
        rows = breakdown(selection.records)
        tables.append(
            (
                section,
                [
                    [_key(row.key), row.label, row.persons, row.organizations, row.services]
                    for row in rows
                ],
            )
        )
    return tables


def _key(key) -> str:
    if key is None:
        return ""
    if isinstance(key, datetime.date):
        return key.strftime("%Y-%m")
    return str(key)


def indicator_rows(selection: Selection) -> Iterator[list]:
    for section, rows in indicator_tables(selection):
        for row in rows:
            yield [section, *row]


# --- files -------------------------------------------------------------------------------------


class _Line:
    """A file-like object csv.writer writes one line into, handed straight back."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(header: list[str], rows: Iterable[list]) -> Iterator[str]:
    writer = csv.writer(_Line(), delimiter=CSV_DELIMITER)
    yield BOM + writer.writerow(header)
    for row in rows:
        yield writer.writerow(
            [value.isoformat() if isinstance(value, datetime.date) else value for value in row]
        )


def csv_response(filename: str, header: list[str], rows: Iterable[list]) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in _csv_lines(header, rows)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_response(filename: str, sheets: Iterable[tuple[str, list[str], Iterable[list]]]):
    """sheets: (title, header, rows). Rows go to disk as they come; the file is sent from there."""
    workbook = Workbook(write_only=True)
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    # Not a `with` block: FileResponse closes the file (and so deletes it) once it is sent.
    file = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115
    try:
        workbook.save(file)
    except BaseException:
        file.close()
        raise
    file.seek(0)
    return FileResponse(file, as_attachment=True, filename=filename, content_type=XLSX_TYPE)


def support_records_csv(selection: Selection) -> StreamingHttpResponse:
    return csv_response(
        filename(selection, "wsparcie", "csv"), SUPPORT_HEADER, support_rows(selection.records)
    )


def support_records_xlsx(selection: Selection) -> FileResponse:
    sheets = [("support", SUPPORT_HEADER, support_rows(selection.records))]
    return xlsx_response(filename(selection, "wsparcie", "xlsx"), sheets)


def indicators_csv(selection: Selection) -> StreamingHttpResponse:
    return csv_response(
        filename(selection, "wskazniki", "csv"), INDICATOR_HEADER, indicator_rows(selection)
    )


def indicators_xlsx(selection: Selection) -> FileResponse:
    header = INDICATOR_HEADER[1:]
    sheets = [(section, header, rows) for section, rows in indicator_tables(selection)]
    return xlsx_response(filename(selection, "wskazniki", "xlsx"), sheets)


DOWNLOADS = {
    "support-csv": support_records_csv,
    "support-xlsx": support_records_xlsx,
    "indicators-csv": indicators_csv,
    "indicators-xlsx": indicators_xlsx,
}


def filename(selection: Selection, prefix: str, extension: str) -> str:
    """E.g. wsparcie-pomyslowice-2011-2011-03-01-2011-12-31.csv: what, whose, which period."""
    parts = [prefix]
    if selection.project is not None:
        parts.append(selection.project.slug)
    parts += [selection.start.isoformat(), selection.end.isoformat()]
    return "-".join(parts) + "." + extension
