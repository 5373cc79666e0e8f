import copy
import functools

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pomyslowice.core.db_routing import read_from_replica
from pomyslowice.core.jsonld import json_ld
from pomyslowice.core.page_cache import cache_public_page
from pomyslowice.core.sanitize import plain_text, safe_html

from . import services
from .forms import (
    CaretakerForm,
    ClaimForm,
    DirectoryFilterForm,
    OrganizationForm,
    RejectionForm,
    add_service_errors,
)
from .models import Membership, Organization
from .permissions import (
    can_assign_caretaker,
    can_claim,
    can_edit_organization,
    can_moderate,
    can_see_caretaker,
    get_organization_for_user,
)

NEWEST_ON_HOME = 6


def home_highlights() -> dict:
    """The organisations' part of the home page: the newest profiles and counts by kind."""
    published = Organization.objects.published()
    newest = _with_summaries(
        list(published.for_listing().order_by("-published_at", "-pk")[:NEWEST_ON_HOME])
    )
    counts = dict(published.order_by().values_list("kind").annotate(n=Count("pk")))
    kinds = [(value, label, counts.get(value, 0)) for value, label in Organization.Kind.choices]
    return {"newest": newest, "kinds": kinds, "total": sum(counts.values())}


def _directory_page(organizations, number):
    """One page of the directory. A deep page skips thousands of profiles: skipping only
    their ids (read from an index alone) in a subquery, then loading the page's own profiles,
    keeps the last page as quick as the first while the page numbers stay as they were."""
    ids = organizations.values("pk")
    page = Paginator(ids, settings.ORGANIZATIONS_PER_PAGE).get_page(number)
    profiles = Organization.objects.for_listing().filter(pk__in=page.object_list)
    page.object_list = _with_summaries(list(profiles.order_by(*organizations.query.order_by)))
    return page


@cache_public_page("organizations")
@read_from_replica
def organization_list(request):
    form = DirectoryFilterForm(request.GET)
    page = _directory_page(form.apply(Organization.objects.published()), request.GET.get("page"))
    return render(
        request,
        "organizations/list.html",
        {
            "title": _("Organisations"),
            "form": form,
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
        },
    )


@cache_public_page("organizations", "events", "knowledge", "volunteering")
@read_from_replica
def organization_detail(request, slug):
    organization = get_organization_for_user(request.user, slug)
    user = request.user
    membership = (
        Membership.objects.filter(user=user, organization=organization).first()
        if user.is_authenticated
        else None
    )
    context = {
        "title": organization.name,
        "organization": organization,
        "description_html": safe_html(organization.description),
        "areas": list(organization.areas.all()),
        "membership": membership,
        "can_edit": can_edit_organization(user, organization),
        "can_claim": can_claim(user, organization, membership),
        "can_moderate": can_moderate(user),
        "show_caretaker": can_see_caretaker(user),
        "summary": plain_text(organization.description),
        "json_ld": json_ld(_structured_data(request, organization)),
    }
    if can_assign_caretaker(user):
        context["caretaker_form"] = CaretakerForm(initial={"caretaker": organization.caretaker_id})
    return render(request, "organizations/detail.html", context)


@login_required
def organization_register(request):
    form = OrganizationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            organization = services.register_organization(data=form.cleaned_data, by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Thank you. The profile of %(name)s awaits approval by the centre's staff; "
                    "we will let you know by e-mail."
                )
                % {"name": organization.name},
            )
            return redirect(organization)
    return render(
        request,
        "organizations/form.html",
        {"title": _("Register an organisation"), "form": form, "organization": None},
    )


@login_required
def organization_edit(request, slug):
    organization = get_organization_for_user(request.user, slug)
    if not can_edit_organization(request.user, organization):
        raise PermissionDenied
    # The form writes into its instance while validating; keep the page's copy untouched.
    form = OrganizationForm(
        request.POST or None, request.FILES or None, instance=copy.copy(organization)
    )
    if request.method == "POST" and form.is_valid():
        was_rejected = organization.status == Organization.Status.REJECTED
        try:
            organization = services.update_organization(
                organization=organization, by=request.user, changes=form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if was_rejected and organization.status == Organization.Status.PENDING:
                messages.success(request, _("Changes saved and sent again for approval."))
            else:
                messages.success(request, _("Changes saved."))
            return redirect(organization)
    return render(
        request,
        "organizations/form.html",
        {
            "title": _("Edit %(name)s") % {"name": organization.name},
            "form": form,
            "organization": organization,
        },
    )


@login_required
def organization_claim(request, slug):
    organization = get_object_or_404(Organization.objects.published(), slug=slug)
    membership = Membership.objects.filter(user=request.user, organization=organization).first()
    if not can_claim(request.user, organization, membership):
        messages.info(
            request,
            _("You already represent this organisation.")
            if membership.status == Membership.Status.ACTIVE
            else _("Your request to represent this organisation awaits approval."),
        )
        return redirect(organization)
    form = ClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.claim_organization(
                organization=organization, user=request.user, message=form.cleaned_data["message"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Your request has been sent. The centre's staff will confirm it by e-mail."),
            )
            return redirect(organization)
    return render(
        request,
        "organizations/claim.html",
        {
            "title": _("Represent %(name)s") % {"name": organization.name},
            "organization": organization,
            "form": form,
            "previous": membership,
        },
    )


@login_required
@require_POST
def organization_caretaker(request, slug):
    if not can_assign_caretaker(request.user):
        raise PermissionDenied
    organization = get_organization_for_user(request.user, slug)
    form = CaretakerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a member of the staff from the list."))
        return redirect(organization)
    try:
        services.assign_caretaker(
            organization=organization, caretaker=form.cleaned_data["caretaker"], by=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Caretaker saved."))
    return redirect(organization)


# --- moderation ------------------------------------------------------------------------------


def _moderator_only(view):
    @functools.wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not can_moderate(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@_moderator_only
def moderation(request):
    organizations = (
        Organization.objects.pending()
        .select_related("submitted_by", "district")
        .prefetch_related("areas")
        .order_by("created_at")
    )
    claims = (
        Membership.objects.filter(
            status=Membership.Status.PENDING,
            organization__status=Organization.Status.PUBLISHED,
        )
        .select_related("user", "organization")
        .order_by("created_at")
    )
    return render(
        request,
        "organizations/moderation.html",
        {
            "title": _("Moderation"),
            "organizations": [
                (org, RejectionForm(auto_id=f"id_org_{org.pk}_%s")) for org in organizations
            ],
            "claims": [
                (claim, RejectionForm(auto_id=f"id_claim_{claim.pk}_%s")) for claim in claims
            ],
        },
    )


@_moderator_only
@require_POST
def organization_approve(request, slug):
    organization = get_object_or_404(Organization, slug=slug)
    try:
        services.approve_organization(organization=organization, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(name)s is published.") % {"name": organization.name})
    return redirect("organizations:moderation")


@_moderator_only
def organization_reject(request, slug):
    organization = get_object_or_404(Organization, slug=slug)
    return _reject(
        request,
        title=_("Reject the registration of %(name)s") % {"name": organization.name},
        reject=lambda reason: services.reject_organization(
            organization=organization, by=request.user, reason=reason
        ),
        done=_("The registration of %(name)s has been rejected.") % {"name": organization.name},
    )


@_moderator_only
@require_POST
def claim_approve(request, pk):
    membership = get_object_or_404(Membership.objects.select_related("user", "organization"), pk=pk)
    try:
        services.approve_claim(membership=membership, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(user)s now represents %(organization)s.")
            % {"user": membership.user, "organization": membership.organization},
        )
    return redirect("organizations:moderation")


@_moderator_only
def claim_reject(request, pk):
    membership = get_object_or_404(Membership.objects.select_related("user", "organization"), pk=pk)
    return _reject(
        request,
        title=_("Reject the request of %(user)s to represent %(organization)s")
        % {"user": membership.user, "organization": membership.organization},
        reject=lambda reason: services.reject_claim(
            membership=membership, by=request.user, reason=reason
        ),
        done=_("The request of %(user)s has been rejected.") % {"user": membership.user},
    )


def _reject(request, *, title: str, reject, done: str):
    """A reason is required: without one the form is shown again (it also works as a page)."""
    form = RejectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            reject(form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, done)
        return redirect("organizations:moderation")
    return render(
        request,
        "organizations/reject.html",
        {"title": title, "form": form},
        status=400 if request.method == "POST" else 200,
    )


# --- my page ---------------------------------------------------------------------------------


def my_page_context(user) -> dict:
    """The organisations part of a person's page (/moje/, composed in pomyslowice.mine)."""
    memberships = list(
        Membership.objects.filter(user=user)
        .select_related("organization")
        .order_by("organization__name")
    )
    submitted = (
        Organization.objects.filter(submitted_by=user)
        .exclude(status=Organization.Status.PUBLISHED)
        .order_by("-created_at")
    )
    return {
        "representing": [m for m in memberships if m.status == Membership.Status.ACTIVE],
        "claims": [m for m in memberships if m.status != Membership.Status.ACTIVE],
        "submitted": submitted,
    }


# --- structured data -------------------------------------------------------------------------


def _structured_data(request, organization: Organization) -> dict:
    """schema.org Organization, for search engines and anyone reusing the directory."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": organization.name,
        "url": request.build_absolute_uri(organization.get_absolute_url()),
    }
    optional = {
        "alternateName": organization.short_name,
        "description": plain_text(organization.description),
        "email": organization.email,
        "telephone": organization.phone,
        "taxID": organization.nip,
        "logo": request.build_absolute_uri(organization.logo.url) if organization.logo else "",
        "sameAs": [
            url
            for url in (
                organization.website,
                organization.facebook,
                organization.instagram,
                organization.youtube,
                organization.linkedin,
            )
            if url
        ],
        "identifier": [
            {"@type": "PropertyValue", "propertyID": label, "value": value}
            for label, value in (
                ("KRS", organization.krs),
                ("NIP", organization.nip),
                ("REGON", organization.regon),
            )
            if value
        ],
    }
    if organization.street or organization.city:
        optional["address"] = {
            key: value
            for key, value in {
                "@type": "PostalAddress",
                "streetAddress": organization.street,
                "postalCode": organization.postal_code,
                "addressLocality": organization.city,
                "addressCountry": "PL",
            }.items()
            if value
        }
    data.update({key: value for key, value in optional.items() if value})
    return data


def _with_summaries(organizations):
    for organization in organizations:
        organization.summary = plain_text(organization.description)
    return organizations
