"""The person's own data: what the platform holds, the download, and deleting the account."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from pomyslowice.accounts.forms import DeleteAccountForm
from pomyslowice.accounts.permissions import can_delete_own_account

from .erasure import erase_person, kept_in, kept_items, preview_erasure
from .exports import archive_filename, build_archive, collect
from .models import ErasureRecord
from .registry import Subject

DOWNLOADS_PER_HOUR = 5


@login_required
def my_data(request):
    held = collect(Subject.for_user(request.user))
    context = {
        "title": _("My data"),
        "parts": [(part["label"], len(part["records"])) for part in held.values()],
        "can_delete": can_delete_own_account(request.user),
    }
    return render(request, "privacy/my_data.html", context)


def _allow_download(user) -> bool:
    """At most DOWNLOADS_PER_HOUR archives an hour per person: building one reads everything."""
    key = f"privacy:downloads:{user.pk}"
    cache.add(key, 0, timeout=60 * 60)
    try:
        return cache.incr(key) <= DOWNLOADS_PER_HOUR
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=60 * 60)
        return True


@never_cache
@login_required
@require_POST
def download(request):
    if not _allow_download(request.user):
        context = {"title": _("Too many downloads")}
        return render(request, "privacy/too_many.html", context, status=429)
    archive = build_archive(subject=Subject.for_user(request.user), by=request.user)
    response = HttpResponse(archive, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{archive_filename()}"'
    return response


@login_required
def delete_account(request):
    user = request.user
    can_delete = can_delete_own_account(user)
    form = DeleteAccountForm(request.POST or None, user=user)
    if request.method == "POST" and can_delete and form.is_valid():
        try:
            record = erase_person(
                subject=Subject.for_user(user), by=user, reason=ErasureRecord.Reason.SELF_SERVICE
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            logout(request)
            messages.success(request, _("Your account has been deleted. Goodbye!"))
            context = {"title": _("Account deleted"), "kept": kept_items(record)}
            return render(request, "privacy/deleted.html", context)
    preview = _preview(user, form) if can_delete else []
    context = {
        "title": _("Delete account"),
        "form": form,
        "can_delete": can_delete,
        "preview": preview,
        "preview_kept": kept_in(preview),
    }
    status = (400 if can_delete else 403) if request.method == "POST" else 200
    return render(request, "privacy/delete_account.html", context, status=status)


def _preview(user, form) -> list:
    """What deleting would erase and keep; a refusal is shown on the form instead."""
    try:
        return preview_erasure(subject=Subject.for_user(user), by=user)
    except ValidationError as error:
        if not form.non_field_errors():
            form.add_error(None, error)
        return []
