import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from pomyslowice.organizations.forms import add_service_errors

from . import hours_services as services
from .certificate_pdf import certificate_filename, certificate_number, certificate_pdf
from .hours_forms import (
    CertificateRequestForm,
    HoursEntryForm,
    HoursFilterForm,
    OpinionForm,
    QueryForm,
    overview_organizations,
)
from .models import CertificateRequest, Engagement, HoursEntry
from .permissions import (
    acts_for_host,
    can_export_hours,
    get_certificate_request_for_user,
    get_engagement_for_user,
    get_hours_entry_for_user,
    hours_overview_entries,
    is_volunteer_of,
)

ENTRIES_PER_PAGE = 50
AWAITING_LIMIT = 50


def _language() -> str:
    return translation.get_language()


# --- one engagement's hours --------------------------------------------------------------------


@login_required
def hours(request, pk):
    """The engagement's hours: the volunteer logs them, the host approves or queries them."""
    engagement = get_engagement_for_user(request.user, pk)
    is_volunteer = is_volunteer_of(request.user, engagement)
    can_log = is_volunteer and engagement.status == Engagement.Status.ACTIVE
    form = HoursEntryForm(request.POST or None) if can_log else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                services.log_hours(engagement=engagement, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your hours have been logged and await approval."))
                return redirect("volunteering:hours", pk=engagement.pk)
    return _hours_page(request, engagement, form=form)


def _hours_page(request, engagement, *, form=None, failed_queries=None):
    """The page; `failed_queries` (entry pk → form) shows a query that failed with its errors."""
    failed_queries = failed_queries or {}
    entries = engagement.hours.order_by("-date", "-pk")
    page = Paginator(entries, ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    can_review = acts_for_host(request.user, engagement)
    for entry in page.object_list:
        if can_review and entry.status == HoursEntry.Status.SUBMITTED:
            entry.query_form = failed_queries.get(entry.pk) or QueryForm(
                auto_id=f"query-{entry.pk}-%s"
            )
    return render(
        request,
        "volunteering/hours/engagement.html",
        {
            "title": _("Hours: %(offer)s") % {"offer": engagement.application.offer.title},
            "engagement": engagement,
            "form": form,
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "totals": services.totals_of(engagement.hours.all()),
            "is_volunteer": is_volunteer_of(request.user, engagement),
            "can_review": can_review,
            "last_day": services.last_day(engagement),
        },
    )


@login_required
def hours_correct(request, pk):
    """The volunteer corrects an entry not yet approved (typically one the host queried)."""
    entry = get_hours_entry_for_user(request.user, pk)
    engagement = entry.engagement
    if not is_volunteer_of(request.user, engagement) or entry.status not in (
        services.EDITABLE_STATUSES
    ):
        raise Http404
    form = HoursEntryForm(request.POST or None, entry=entry)
    if request.method == "POST" and form.is_valid():
        try:
            services.correct_hours(
                entry=entry, by=request.user, language=_language(), **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The entry has been corrected and awaits approval again."))
            return redirect("volunteering:hours", pk=engagement.pk)
    return render(
        request,
        "volunteering/hours/correct.html",
        {
            "title": _("Correct the hours of %(date)s")
            % {"date": date_format(entry.date, "DATE_FORMAT")},
            "entry": entry,
            "engagement": engagement,
            "form": form,
        },
    )


def _entry_for_host(request, pk) -> HoursEntry:
    entry = get_hours_entry_for_user(request.user, pk)
    if not acts_for_host(request.user, entry.engagement):
        raise Http404
    return entry


@login_required
@require_POST
def hours_approve(request, pk):
    entry = _entry_for_host(request, pk)
    try:
        services.approve_hours(entry=entry, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The hours have been approved."))
    return _back_to_hours(entry)


@login_required
@require_POST
def hours_query(request, pk):
    entry = _entry_for_host(request, pk)
    form = QueryForm(request.POST, auto_id=f"query-{entry.pk}-%s")
    if form.is_valid():
        try:
            services.query_hours(
                entry=entry, by=request.user, note=form.cleaned_data["note"], language=_language()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your question has been sent to the volunteer."))
            return _back_to_hours(entry)
    return _hours_page(request, entry.engagement, failed_queries={entry.pk: form})


def _back_to_hours(entry):
    return redirect("volunteering:hours", pk=entry.engagement_id)


# --- totals ------------------------------------------------------------------------------------


def _overview(request):
    """The entries the user may total (404 for anyone but staff and hosts) and the filters."""
    entries = hours_overview_entries(request.user)
    if entries is None:
        raise Http404
    form = HoursFilterForm(request.GET, organizations=overview_organizations(entries))
    return entries, form


@login_required
def hours_overview(request):
    entries, form = _overview(request)
    chosen = form.apply(entries)
    waiting_entries = entries.filter(status=HoursEntry.Status.SUBMITTED).order_by()
    awaiting = (
        Engagement.objects.filter(pk__in=waiting_entries.values("engagement"))
        .annotate(awaiting=Count("hours", filter=Q(hours__status=HoursEntry.Status.SUBMITTED)))
        .select_related("application__offer__host", "application__volunteer")
        .order_by("application__offer__title", "pk")[:AWAITING_LIMIT]
    )
    return render(
        request,
        "volunteering/hours/overview.html",
        {
            "title": _("Volunteers' hours"),
            "form": form,
            "rows": services.totals_by(chosen, form.grouping),
            "grouping_label": dict(form.fields["wedlug"].choices)[form.grouping],
            "total": services.totals_of(chosen),
            "awaiting": awaiting,
            "can_export": can_export_hours(request.user),
            "query_string": request.GET.urlencode(),
        },
    )


CSV_HEADERS = [
    gettext_lazy("Date"),
    gettext_lazy("Volunteer"),
    gettext_lazy("E-mail"),
    gettext_lazy("Host organisation"),
    gettext_lazy("Offer"),
    gettext_lazy("Hours"),
    gettext_lazy("Status"),
    gettext_lazy("What was done"),
    gettext_lazy("Reviewed by"),
    gettext_lazy("Reviewed at"),
]


@login_required
def hours_csv(request):
    """Every entry matching the overview's filters, for the centre's staff."""
    if not can_export_hours(request.user):
        raise Http404
    entries, form = _overview(request)
    chosen = form.apply(entries).select_related(
        "engagement__application__offer__host", "engagement__application__volunteer", "reviewed_by"
    )
    # UTF-8 with a byte order mark: Excel otherwise reads Polish letters as gibberish.
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="godziny-wolontariatu.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([str(label) for label in CSV_HEADERS])
    for entry in chosen.order_by("date", "pk").iterator(chunk_size=500):
        application = entry.engagement.application
        reviewed_at = entry.reviewed_at and timezone.localtime(entry.reviewed_at)
        writer.writerow(
            [
                entry.date.isoformat(),
                application.volunteer_name,
                application.volunteer_email,
                application.offer.host.name,
                application.offer.title,
                str(entry.hours),
                entry.get_status_display(),
                entry.description,
                entry.reviewed_by.get_full_name() or entry.reviewed_by.email
                if entry.reviewed_by
                else "",
                reviewed_at.strftime("%Y-%m-%d %H:%M") if reviewed_at else "",
            ]
        )
    return response


# --- certificates and opinions -----------------------------------------------------------------


@login_required
def certificates(request, pk):
    """The volunteer asks for a certificate or an opinion; the host issues them."""
    engagement = get_engagement_for_user(request.user, pk)
    is_volunteer = is_volunteer_of(request.user, engagement)
    form = CertificateRequestForm(request.POST or None) if is_volunteer else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                services.request_certificate(
                    engagement=engagement,
                    by=request.user,
                    kind=form.cleaned_data["kind"],
                    language=_language(),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your request has been sent to the host."))
                return redirect("volunteering:certificates", pk=engagement.pk)
    return _certificates_page(request, engagement, form=form)


def _certificates_page(request, engagement, *, form=None, failed_opinions=None):
    """The page; `failed_opinions` (request pk → form) shows an opinion that failed."""
    failed_opinions = failed_opinions or {}
    requests = list(engagement.certificate_requests.select_related("issued_by"))
    can_issue = acts_for_host(request.user, engagement)
    for item in requests:
        if item.issued_at:
            item.number = certificate_number(item)
        elif can_issue and item.kind == CertificateRequest.Kind.OPINION:
            item.opinion_form = failed_opinions.get(item.pk) or OpinionForm(
                auto_id=f"opinion-{item.pk}-%s"
            )
    return render(
        request,
        "volunteering/hours/certificates.html",
        {
            "title": _("Certificates and opinions: %(offer)s")
            % {"offer": engagement.application.offer.title},
            "engagement": engagement,
            "requests": requests,
            "form": form,
            "is_volunteer": is_volunteer_of(request.user, engagement),
            "can_issue": can_issue,
            "can_request": engagement.started_at is not None,
            "totals": services.totals_of(engagement.hours.all()),
        },
    )


@login_required
@require_POST
def certificate_issue(request, pk):
    certificate_request = get_certificate_request_for_user(request.user, pk)
    engagement = certificate_request.engagement
    if not acts_for_host(request.user, engagement):
        raise Http404
    if certificate_request.kind == CertificateRequest.Kind.CERTIFICATE:
        try:
            _issue(request, certificate_request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("volunteering:certificates", pk=engagement.pk)
    form = OpinionForm(request.POST, auto_id=f"opinion-{certificate_request.pk}-%s")
    if form.is_valid():
        try:
            _issue(request, certificate_request, opinion=form.cleaned_data["opinion"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("volunteering:certificates", pk=engagement.pk)
    return _certificates_page(request, engagement, failed_opinions={certificate_request.pk: form})


def _issue(request, certificate_request, opinion: str = "") -> None:
    services.issue_certificate(
        request=certificate_request, by=request.user, opinion=opinion, language=_language()
    )
    messages.success(request, _("Issued. The volunteer has been told by e-mail."))


@login_required
def certificate_download(request, pk):
    """Only for the volunteer, the host's side and staff; not issued yet is a 404 too."""
    certificate_request = get_certificate_request_for_user(request.user, pk)
    if certificate_request.issued_at is None:
        raise Http404
    response = HttpResponse(certificate_pdf(certificate_request), content_type="application/pdf")
    filename = certificate_filename(certificate_request)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
