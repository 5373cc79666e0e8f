"""Results as CSV and XLSX: one table, a row per answer option, scale value or text answer."""

import csv
import io

from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook

from pomyslowice.core.text import fold

from .results import SurveyResults

# A cell starting with one of these is a formula to a spreadsheet; respondents' text must not be.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def result_rows(results: SurveyResults) -> list[list]:
    rows = [
        [_("Question"), _("Answer"), _("Count"), _("Percent"), _("Respondent")],
        [_("Invited"), "", results.invited, "", ""],
        [_("Responses"), "", results.responses, results.response_rate, ""],
    ]
    for item in results.questions:
        text = item.question.text
        rows.extend([text, row.label, row.count, row.percent, ""] for row in item.rows)
        if item.mean is not None:
            rows.append([text, _("mean"), item.mean, "", ""])
            rows.append([text, _("median"), item.median, "", ""])
        rows.extend([text, answer.text, "", "", answer.respondent] for answer in item.texts)
    return [[_cell(value) for value in row] for row in rows]


def filename(results: SurveyResults, extension: str) -> str:
    return f"{slugify(fold(results.survey.title))[:60] or 'ankieta'}-wyniki.{extension}"


def as_csv(results: SurveyResults) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(result_rows(results))
    return buffer.getvalue()


def as_xlsx(results: SurveyResults) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Results")[:31])
    for row in result_rows(results):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
