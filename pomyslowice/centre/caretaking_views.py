from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pomyslowice.organizations.forms import add_service_errors
from pomyslowice.organizations.models import Organization, SupportRecord
from pomyslowice.privacy.access_log import record_view

from . import caretaking_services as services
from .caretaking_forms import ContactForm, OrganizationSearchForm, TaskForm, TimelineFilterForm
from .models import CaretakerContact, CaretakerTask
from .permissions import can_add_caretaker_work, can_see_caretaker_notes, can_see_timeline

RECORDS_PER_PAGE = 25
ORGANIZATIONS_PER_PAGE = 30


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


@login_required
def overview(request):
    _require(can_see_timeline(request.user))
    today = timezone.localdate()
    mine = (
        Organization.objects.filter(caretaker=request.user)
        .annotate(
            last_contact=Max("caretaker_contacts__date"),
            open_tasks=Count(
                "caretaker_tasks",
                filter=Q(caretaker_tasks__done_at__isnull=True),
                distinct=True,
            ),
            overdue_tasks=Count(
                "caretaker_tasks",
                filter=Q(
                    caretaker_tasks__done_at__isnull=True, caretaker_tasks__due_date__lt=today
                ),
                distinct=True,
            ),
        )
        .order_by("name", "pk")
    )
    form = OrganizationSearchForm(request.GET)
    organizations = Organization.objects.select_related("caretaker").order_by("name", "pk")
    if form.is_filtered():
        organizations = organizations.search(form.cleaned_data["q"])
    page = Paginator(organizations, ORGANIZATIONS_PER_PAGE).get_page(request.GET.get("page"))
    my_tasks = (
        CaretakerTask.objects.open()
        .filter(assigned_to=request.user)
        .select_related("organization")[:50]
    )
    return render(
        request,
        "centre/caretaking/overview.html",
        {
            "title": _("Caretaking of organisations"),
            "mine": mine,
            "my_tasks": my_tasks,
            "today": today,
            "form": form,
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
        },
    )


@login_required
def timeline(request, slug):
    _require(can_see_timeline(request.user))
    organization = get_object_or_404(Organization.objects.select_related("caretaker"), slug=slug)
    record_view(request=request, subject=organization, what="caretaking_timeline")
    form = TimelineFilterForm(request.GET)
    records = form.apply(SupportRecord.objects.filter(organization=organization).for_timeline())
    page = Paginator(records, RECORDS_PER_PAGE).get_page(request.GET.get("page"))
    _attach_contacts(page.object_list)
    today = timezone.localdate()
    counts = dict(
        SupportRecord.objects.filter(organization=organization)
        .in_year(today.year)
        .values_list("kind")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return render(
        request,
        "centre/caretaking/timeline.html",
        {
            "title": _("Timeline of %(name)s") % {"name": organization.name},
            "organization": organization,
            "form": form,
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "year": today.year,
            "today": today,
            "counts": [(label, counts.get(kind, 0)) for kind, label in SupportRecord.Kind.choices],
            "open_tasks": organization.caretaker_tasks.open().select_related("assigned_to"),
            "show_notes": can_see_caretaker_notes(request.user),
            "can_work": can_add_caretaker_work(request.user),
        },
    )


def _attach_contacts(records) -> None:
    """Give each caretaker contact's record its contact, loaded for the whole page at once."""
    content_type = ContentType.objects.get_for_model(CaretakerContact)
    ids = [
        int(record.source_id)
        for record in records
        if record.source_type_id == content_type.pk and record.source_id.isdigit()
    ]
    contacts = CaretakerContact.objects.select_related("caretaker").in_bulk(ids)
    for record in records:
        record.contact = (
            contacts.get(int(record.source_id))
            if record.source_type_id == content_type.pk and record.source_id.isdigit()
            else None
        )


@login_required
def contact_add(request, slug):
    _require(can_add_caretaker_work(request.user))
    organization = get_object_or_404(Organization, slug=slug)
    form = ContactForm(request.POST or None, initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.record_contact(
                organization=organization, by=request.user, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _back_to_timeline(request, slug, _("The contact has been recorded."))
    return _contact_form(request, organization, form, title=_("Record a contact"))


@login_required
def contact_edit(request, slug, pk):
    _require(can_add_caretaker_work(request.user))
    contact = get_object_or_404(
        CaretakerContact.objects.select_related("organization"), pk=pk, organization__slug=slug
    )
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_contact(contact=contact, by=request.user, **form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _back_to_timeline(request, slug, _("The contact has been changed."))
    return _contact_form(
        request, contact.organization, form, title=_("Change the contact"), contact=contact
    )


def _contact_form(request, organization, form, *, title, contact=None):
    return render_organization_form(
        request,
        organization,
        form,
        title=title,
        back_url=reverse("centre:timeline-detail", args=[organization.slug]),
        back_label=_("Back to the timeline"),
        legend=_("Contact with the organisation"),
        submit_label=_("Save the contact"),
        delete_url=(
            reverse("centre:caretaking-contact-delete", args=[organization.slug, contact.pk])
            if contact
            else None
        ),
        delete_label=_("Delete this contact"),
    )


@login_required
@require_POST
def contact_delete(request, slug, pk):
    _require(can_add_caretaker_work(request.user))
    contact = get_object_or_404(CaretakerContact, pk=pk, organization__slug=slug)
    services.delete_contact(contact=contact, by=request.user)
    return _back_to_timeline(request, slug, _("The contact has been deleted."))


@login_required
def task_add(request, slug):
    _require(can_add_caretaker_work(request.user))
    organization = get_object_or_404(Organization.objects.select_related("caretaker"), slug=slug)
    form = TaskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_task(
                organization=organization, by=request.user, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _back_to_timeline(request, slug, _("The task has been added."))
    return render_organization_form(
        request,
        organization,
        form,
        title=_("Add a task"),
        back_url=reverse("centre:timeline-detail", args=[organization.slug]),
        back_label=_("Back to the timeline"),
        legend=_("Task"),
        submit_label=_("Add the task"),
    )


def render_organization_form(
    request,
    organization,
    form,
    *,
    title: str,
    back_url: str,
    back_label: str,
    legend: str,
    submit_label: str,
    delete_url: str | None = None,
    delete_label: str = "",
):
    """The small form pages about one organisation (caretaking and strategy plans)."""
    return render(
        request,
        "centre/organization_form.html",
        {
            "title": title,
            "organization": organization,
            "form": form,
            "back_url": back_url,
            "back_label": back_label,
            "legend": legend,
            "submit_label": submit_label,
            "delete_url": delete_url,
            "delete_label": delete_label,
        },
        status=400 if form.errors else 200,
    )


def _back_to_timeline(request, slug, done: str):
    messages.success(request, done)
    return redirect("centre:timeline-detail", slug=slug)


@login_required
@require_POST
def task_complete(request, slug, pk):
    return _change_task(request, slug, pk, services.complete_task, _("The task is marked as done."))


@login_required
@require_POST
def task_reopen(request, slug, pk):
    return _change_task(request, slug, pk, services.reopen_task, _("The task is open again."))


def _change_task(request, slug, pk, change, done: str):
    _require(can_add_caretaker_work(request.user))
    task = get_object_or_404(CaretakerTask, pk=pk, organization__slug=slug)
    change(task=task, by=request.user)
    messages.success(request, done)
    return redirect(_next_or_timeline(request, slug))


def _next_or_timeline(request, slug) -> str:
    if request.POST.get("next") == "overview":
        return reverse("centre:caretaking-overview")
    return reverse("centre:timeline-detail", kwargs={"slug": slug})
