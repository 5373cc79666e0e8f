"""The personal-data access log for the coordinator: /panel/rodo/dziennik/."""

import csv

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .access_log import access_log, action_label, record_view, what_label
from .permissions import can_read_access_log

ENTRIES_PER_PAGE = 50
# A cell starting with one of these is a formula to a spreadsheet; logged names must not be.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


class AccessLogFilterForm(forms.Form):
    KINDS = [
        ("", gettext_lazy("views and changes")),
        ("views", gettext_lazy("views only")),
        ("changes", gettext_lazy("changes only")),
    ]

    person = forms.CharField(
        label=gettext_lazy("Whose data (name or e-mail)"), required=False, max_length=200
    )
    staff = forms.CharField(
        label=gettext_lazy("Staff member (name or e-mail)"), required=False, max_length=200
    )
    since = forms.DateField(
        label=gettext_lazy("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=gettext_lazy("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    kind = forms.ChoiceField(label=gettext_lazy("Show"), choices=KINDS, required=False)

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            raise forms.ValidationError(gettext_lazy("The start date is after the end date."))
        return cleaned

    @property
    def is_filtered(self) -> bool:
        return self.is_bound and any(self.data.get(name) for name in self.fields)


def _filtered(request):
    if not can_read_access_log(request.user):
        raise PermissionDenied
    form = AccessLogFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return form, None
    return form, access_log(**(form.cleaned_data if form.is_bound else {}))


@login_required
def access_log_page(request):
    form, entries = _filtered(request)
    if entries is None:
        context = {"form": form, "page": None, "title": _("Personal data access log")}
        return render(request, "privacy/access_log.html", context, status=400)
    page = Paginator(entries, ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    rows = [(entry, action_label(entry.verb), what_label(entry)) for entry in page]
    context = {
        "title": _("Personal data access log"),
        "form": form,
        "page": page,
        "rows": rows,
        "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
    }
    return render(request, "privacy/access_log.html", context)


@login_required
def access_log_csv(request):
    form, entries = _filtered(request)
    if entries is None:
        context = {"form": form, "page": None, "title": _("Personal data access log")}
        return render(request, "privacy/access_log.html", context, status=400)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="dziennik-dostepu.csv"'
    writer = csv.writer(response)
    writer.writerow([_("When"), _("Staff member"), _("Action"), _("Whose data or which record")])
    for entry in entries.iterator(chunk_size=500):
        record = " — ".join(str(part) for part in (entry.target_repr, what_label(entry)) if part)
        writer.writerow(
            [
                timezone.localtime(entry.created_at).strftime("%Y-%m-%d %H:%M:%S"),
                entry.actor.email if entry.actor else "",
                _cell(str(action_label(entry.verb))),
                _cell(record),
            ]
        )
    # Downloading the log is itself a view of personal data; recorded after the rows so that
    # the file does not list its own download.
    record_view(request=request, subject=None, what="access_log_csv")
    return response
