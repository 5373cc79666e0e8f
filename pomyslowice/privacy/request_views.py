"""Data protection requests handled by staff (coordinator): /panel/rodo/."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, Value, When
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .erasure import erase_person, kept_in, kept_items, preview_erasure
from .exports import archive_filename, build_archive
from .models import DataRequest, ErasureRecord
from .permissions import can_handle_requests
from .request_forms import CloseRequestForm, ConfirmErasureForm, DataRequestForm
from .services import close_request, log_request_action, register_request, subject_for_request

EXPORT_KINDS = (DataRequest.Kind.ACCESS, DataRequest.Kind.PORTABILITY)


def _handler(request):
    if not can_handle_requests(request.user):
        raise PermissionDenied
    return request.user


def _get_request(pk: int) -> DataRequest:
    return get_object_or_404(DataRequest.objects.select_related("user"), pk=pk)


@login_required
def request_list(request):
    _handler(request)
    still_open = Case(When(status=DataRequest.Status.OPEN, then=Value(0)), default=Value(1))
    requests = DataRequest.objects.order_by(still_open, "due_on", "pk")
    context = {
        "title": _("Data protection requests"),
        "requests": requests,
        "today": timezone.localdate(),
    }
    return render(request, "privacy/requests.html", context)


@login_required
def request_new(request):
    by = _handler(request)
    form = DataRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data_request = register_request(**form.cleaned_data, by=by)
        messages.success(request, _("The request has been registered."))
        return redirect("privacy:request-detail", pk=data_request.pk)
    status = 400 if request.method == "POST" else 200
    context = {"title": _("Register a request"), "form": form}
    return render(request, "privacy/request_new.html", context, status=status)


def _detail(request, data_request, *, close_form=None, erase_form=None, status=200):
    subject = subject_for_request(data_request)
    erasable = data_request.kind == DataRequest.Kind.ERASURE and data_request.status == "open"
    preview, error = [], ""
    if erasable:
        try:
            preview = preview_erasure(subject=subject, by=request.user)
        except ValidationError as refusal:
            error = " ".join(refusal.messages)
    context = {
        "title": str(data_request),
        "data_request": data_request,
        "subject": subject,
        "today": timezone.localdate(),
        "can_export": data_request.kind in EXPORT_KINDS,
        "erasable": erasable and not error,
        "erasure_error": error,
        "preview": preview,
        "preview_kept": kept_in(preview),
        "erasures": [(record, kept_items(record)) for record in data_request.erasures.all()],
        "close_form": close_form or CloseRequestForm(),
        "erase_form": erase_form or ConfirmErasureForm(),
    }
    return render(request, "privacy/request_detail.html", context, status=status)


@login_required
def request_detail(request, pk: int):
    _handler(request)
    return _detail(request, _get_request(pk))


@never_cache
@login_required
@require_POST
def request_download(request, pk: int):
    by = _handler(request)
    data_request = _get_request(pk)
    archive = build_archive(
        subject=subject_for_request(data_request), by=by, data_request=data_request
    )
    response = HttpResponse(archive, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{archive_filename()}"'
    return response


@login_required
@require_POST
def request_erase(request, pk: int):
    by = _handler(request)
    data_request = _get_request(pk)
    form = ConfirmErasureForm(request.POST)
    if data_request.kind != DataRequest.Kind.ERASURE or data_request.status != "open":
        messages.error(request, _("Only an open erasure request can erase data."))
        return redirect("privacy:request-detail", pk=pk)
    if not form.is_valid():
        return _detail(request, data_request, erase_form=form, status=400)
    try:
        erase_person(
            subject=subject_for_request(data_request),
            by=by,
            reason=ErasureRecord.Reason.REQUEST,
            data_request=data_request,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        log_request_action(data_request=data_request, by=by, action="erased")
        messages.success(request, _("The person's data has been erased."))
    return redirect("privacy:request-detail", pk=pk)


@login_required
@require_POST
def request_close(request, pk: int):
    by = _handler(request)
    data_request = _get_request(pk)
    form = CloseRequestForm(request.POST)
    if not form.is_valid():
        return _detail(request, data_request, close_form=form, status=400)
    try:
        close_request(data_request=data_request, by=by, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The request has been closed and the person informed."))
    return redirect("privacy:request-detail", pk=pk)
