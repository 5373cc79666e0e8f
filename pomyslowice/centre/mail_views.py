import datetime
import functools

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Min, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from pomyslowice.organizations.forms import add_service_errors

from . import mail_services as services
from .mail_forms import (
    MailFilterForm,
    MailItemForm,
    PickupForm,
    ReturnForm,
    organizations_using_address,
)
from .models import MailItem
from .permissions import can_manage_mail, get_mail_item_for_user, represented_organizations

ITEMS_PER_PAGE = 50
MINE_HISTORY = 10


def _staff_only(view):
    """Staff who keep the register; anyone else gets a 404 (or the login page)."""

    @login_required
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not can_manage_mail(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def _overdue_since(today=None) -> datetime.date:
    return (today or timezone.localdate()) - datetime.timedelta(
        days=settings.MAIL_PICKUP_REMINDER_DAYS
    )


def _mark_overdue(items, today=None) -> list:
    """Waiting items older than the pickup period get `days_waiting` and `is_overdue`."""
    today = today or timezone.localdate()
    overdue_since = _overdue_since(today)
    for item in items:
        item.days_waiting = (today - item.received_on).days
        item.is_overdue = (
            item.status == MailItem.Status.WAITING and item.received_on <= overdue_since
        )
    return items


def mail_for_mine(user) -> list:
    """The representative's organisations' mail for "/moje/": everything waiting, then the
    latest handed over or returned. Two queries whatever the amount of mail."""
    items = MailItem.objects.for_user(user).select_related("organization")
    waiting = list(items.waiting().order_by("received_on", "pk"))
    history = list(
        items.exclude(status=MailItem.Status.WAITING).order_by("-received_on", "-pk")[:MINE_HISTORY]
    )
    return _mark_overdue(waiting + history)


# --- staff -------------------------------------------------------------------------------------


@_staff_only
def mail_register(request):
    form = MailFilterForm(request.GET)
    items = form.apply(
        MailItem.objects.select_related("organization").order_by("-received_on", "-pk")
    )
    page = Paginator(items, ITEMS_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = _mark_overdue(list(page.object_list))
    return render(
        request,
        "centre/mail/register.html",
        {
            "title": _("Mail register"),
            "form": form,
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "reminder_days": settings.MAIL_PICKUP_REMINDER_DAYS,
        },
    )


@_staff_only
def mail_add(request):
    initial = {}
    if request.method != "POST":
        # "Save and log another" comes back here with the organisation and date kept.
        initial = {k: request.GET[k] for k in ("organization", "received_on") if k in request.GET}
    form = MailItemForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.log_mail_item(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Logged: %(item)s for %(organization)s. The representatives have been told.")
                % {"item": item, "organization": item.organization},
            )
            if "another" in request.POST:
                query = urlencode(
                    {"organization": item.organization_id, "received_on": item.received_on}
                )
                return redirect(f"{reverse('centre:mail-add')}?{query}")
            return redirect("centre:mail-detail", pk=item.pk)
    return render(
        request,
        "centre/mail/add.html",
        {"title": _("Log incoming mail"), "form": form},
        status=400 if request.method == "POST" else 200,
    )


@_staff_only
def mail_organizations(request):
    organizations = organizations_using_address().annotate(
        waiting_count=Count("mail_items", filter=Q(mail_items__status=MailItem.Status.WAITING)),
        oldest_waiting=Min(
            "mail_items__received_on", filter=Q(mail_items__status=MailItem.Status.WAITING)
        ),
    )
    return render(
        request,
        "centre/mail/organizations.html",
        {
            "title": _("Organisations using the centre's address"),
            "organizations": organizations,
        },
    )


@_staff_only
def mail_uncollected(request):
    items = _mark_overdue(
        list(
            MailItem.objects.uncollected_since(_overdue_since())
            .select_related("organization")
            .order_by("received_on", "pk")
        )
    )
    return render(
        request,
        "centre/mail/uncollected.html",
        {
            "title": _("Uncollected mail"),
            "items": items,
            "reminder_days": settings.MAIL_PICKUP_REMINDER_DAYS,
        },
    )


@require_POST
@_staff_only
def mail_remind(request):
    count = services.send_pickup_reminders()
    if count:
        messages.success(
            request,
            ngettext(
                "A reminder went to %(count)d organisation.",
                "Reminders went to %(count)d organisations.",
                count,
            )
            % {"count": count},
        )
    else:
        messages.info(
            request,
            _("No reminders sent: every organisation with overdue mail was reminded this week."),
        )
    return redirect("centre:mail-uncollected")


@require_POST
@_staff_only
def mail_pickup(request, pk):
    item = get_mail_item_for_user(request.user, pk)
    form = PickupForm(request.POST, item=item)
    if _recorded(request, item, form, services.record_pickup, _("The pickup has been recorded.")):
        return redirect("centre:mail-detail", pk=item.pk)
    return _detail(request, item, pickup_form=form, status=400)


@require_POST
@_staff_only
def mail_return(request, pk):
    item = get_mail_item_for_user(request.user, pk)
    form = ReturnForm(request.POST)
    if _recorded(
        request,
        item,
        form,
        services.mark_returned,
        _("The item is marked as returned to the sender."),
    ):
        return redirect("centre:mail-detail", pk=item.pk)
    return _detail(request, item, return_form=form, status=400)


def _recorded(request, item, form, record, success: str) -> bool:
    """Record what the form says about the item (its fields are the service's keywords); a
    success message, or the service's objections shown on the form."""
    if not form.is_valid():
        return False
    try:
        record(item=item, by=request.user, **form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error)
        return False
    messages.success(request, success)
    return True


# --- staff and representatives -----------------------------------------------------------------


@login_required
def mail_detail(request, pk):
    return _detail(request, get_mail_item_for_user(request.user, pk))


def _detail(request, item, *, pickup_form=None, return_form=None, status=200):
    manage = can_manage_mail(request.user)
    waiting = item.status == MailItem.Status.WAITING
    _mark_overdue([item])
    return render(
        request,
        "centre/mail/detail.html",
        {
            "title": capfirst(
                _("%(kind)s from %(sender)s")
                % {"kind": item.get_kind_display(), "sender": item.sender}
            ),
            "item": item,
            "can_manage": manage,
            "pickup_form": (pickup_form or PickupForm(item=item)) if manage and waiting else None,
            "return_form": (return_form or ReturnForm()) if manage and waiting else None,
        },
        status=status,
    )


@login_required
def mail_mine(request):
    organizations = list(represented_organizations(request.user))
    if not organizations:
        raise Http404
    items = MailItem.objects.for_user(request.user).select_related("organization")
    page = Paginator(items.order_by("-received_on", "-pk"), ITEMS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    page.object_list = _mark_overdue(list(page.object_list))
    return render(
        request,
        "centre/mail/mine.html",
        {
            "title": _("Your organisations' mail"),
            "organizations": organizations,
            "waiting": _mark_overdue(list(items.waiting().order_by("received_on", "pk"))),
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "centre_address": settings.CENTRE_ADDRESS,
            "centre_name": settings.CENTRE_NAME,
        },
    )
