from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pomyslowice.core.db_routing import read_from_replica
from pomyslowice.core.page_cache import cache_public_page
from pomyslowice.core.sanitize import safe_html
from pomyslowice.organizations.forms import add_service_errors

from . import availability, offer_services, permissions
from .models import GUARDIAN_CONCLUDES_BELOW, Application, Offer
from .offer_forms import OfferFilterForm, OfferForm, ReturnForm

OFFERS_PER_PAGE = 20
MANAGED_PER_PAGE = 50


@cache_public_page("volunteering", "organizations")
@read_from_replica
def offer_index(request):
    form = OfferFilterForm(request.GET)
    offers = form.apply(permissions.visible_offers(request.user))
    offers = offers.select_related("host", "district").prefetch_related("skills", "areas")
    page = Paginator(offers, OFFERS_PER_PAGE).get_page(request.GET.get("page"))
    user = request.user
    return render(
        request,
        "volunteering/offers/index.html",
        {
            "title": _("Volunteering"),
            "form": form,
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "can_post": permissions.offer_host_choices(user).exists(),
            "can_review": permissions.can_review_offers(user),
        },
    )


def _tasks(offer: Offer) -> list[str]:
    return [line.strip(" -•\t") for line in offer.tasks.splitlines() if line.strip(" -•\t")]


@cache_public_page("volunteering", "organizations")
@read_from_replica
def offer_detail(request, slug):
    offer = permissions.get_offer_for_user(request.user, slug)
    user = request.user
    can_edit = permissions.can_edit_offer(user, offer)
    return render(
        request,
        "volunteering/offers/detail.html",
        {
            "title": offer.title,
            "offer": offer,
            "description_html": safe_html(offer.description),
            "tasks": _tasks(offer),
            "skills": list(offer.skills.all()),
            "areas": list(offer.areas.all()),
            "availability_text": availability.describe(offer.availability),
            "is_open": Offer.objects.open().filter(pk=offer.pk).exists(),
            "GUARDIAN_CONCLUDES_BELOW": GUARDIAN_CONCLUDES_BELOW,
            "can_edit": can_edit,
            "is_host": can_edit and permissions.is_host(user, offer),
            "can_review": permissions.can_review_offers(user),
        },
    )


def _form(request, offer=None):
    return OfferForm(
        request.POST or None,
        instance=offer,
        hosts=permissions.offer_host_choices(request.user),
    )


@login_required
def offer_create(request):
    if not permissions.offer_host_choices(request.user).exists():
        raise Http404
    form = _form(request)
    if request.method == "POST" and form.is_valid():
        data = form.service_data()
        try:
            offer = offer_services.create_offer(host=data["host"], data=data, by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The offer is saved as a draft. Send it for review when it is ready."),
            )
            return redirect(offer)
    return render(
        request,
        "volunteering/offers/form.html",
        {"title": _("New volunteer offer"), "form": form, "offer": None},
    )


@login_required
def offer_edit(request, slug):
    offer = permissions.get_offer_for_host(request.user, slug)
    if offer.status == Offer.Status.CLOSED:
        messages.error(request, _("A closed offer cannot be changed."))
        return redirect(offer)
    form = _form(request, offer)
    if request.method == "POST" and form.is_valid():
        try:
            offer_services.update_offer(offer=offer, data=form.service_data(), by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The changes are saved."))
            return redirect(offer)
    offer.refresh_from_db()
    return render(
        request,
        "volunteering/offers/form.html",
        {"title": _("Edit: %(title)s") % {"title": offer.title}, "form": form, "offer": offer},
    )


def _act(request, offer, action, success):
    try:
        action()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return redirect(offer)


@login_required
@require_POST
def offer_submit(request, slug):
    offer = permissions.get_offer_for_host(request.user, slug)
    publishes = permissions.can_review_offers(request.user)
    return _act(
        request,
        offer,
        lambda: offer_services.submit_offer(
            offer=offer, by=request.user, language=translation.get_language()
        ),
        _("The offer is published.")
        if publishes
        else _("The offer is sent to the centre's volunteer caretaker for review."),
    )


@login_required
@require_POST
def offer_close(request, slug):
    offer = permissions.get_offer_for_host(request.user, slug)
    return _act(
        request,
        offer,
        lambda: offer_services.close_offer(offer=offer, by=request.user),
        _("The offer is closed. It no longer accepts applications."),
    )


def _with_application_counts(offers):
    return offers.annotate(
        pending_count=Count(
            "applications", filter=Q(applications__status=Application.Status.PENDING)
        ),
        accepted_count=Count(
            "applications", filter=Q(applications__status=Application.Status.ACCEPTED)
        ),
    )


@login_required
def host_offers(request):
    user = request.user
    if not permissions.offer_host_choices(user).exists():
        raise Http404
    offers = _with_application_counts(permissions.managed_offers(user).select_related("host"))
    page = Paginator(offers.order_by("-updated_at", "-pk"), MANAGED_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "volunteering/offers/host_offers.html",
        {
            "title": _("Offers I manage"),
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "can_review": permissions.can_review_offers(user),
        },
    )


@login_required
def review_queue(request):
    if not permissions.can_review_offers(request.user):
        raise Http404
    offers = Offer.objects.select_related("host")
    return render(
        request,
        "volunteering/offers/review_queue.html",
        {
            "title": _("Offers to review"),
            "in_review": list(
                offers.filter(status=Offer.Status.REVIEW).order_by("updated_at", "pk")
            ),
            "returned": list(
                offers.filter(status=Offer.Status.DRAFT)
                .exclude(review_note="")
                .order_by("-updated_at", "-pk")
            ),
        },
    )


@login_required
def offer_review(request, slug):
    if not permissions.can_review_offers(request.user):
        raise Http404
    offer = permissions.get_offer_for_host(request.user, slug)
    return_form = ReturnForm(request.POST if request.POST.get("action") == "return" else None)
    if request.method == "POST":
        language = translation.get_language()
        if request.POST.get("action") == "publish":
            return _act(
                request,
                offer,
                lambda: offer_services.publish_offer(
                    offer=offer, by=request.user, language=language
                ),
                _("The offer is published and its host is notified."),
            )
        if return_form.is_valid():
            try:
                offer_services.return_offer(
                    offer=offer,
                    by=request.user,
                    note=return_form.cleaned_data["note"],
                    language=language,
                )
            except ValidationError as error:
                add_service_errors(return_form, error)
            else:
                messages.success(request, _("The offer is returned to its host with your note."))
                return redirect("volunteering:review_queue")
    return render(
        request,
        "volunteering/offers/review.html",
        {
            "title": _("Review: %(title)s") % {"title": offer.title},
            "offer": offer,
            "description_html": safe_html(offer.description),
            "tasks": _tasks(offer),
            "skills": list(offer.skills.all()),
            "areas": list(offer.areas.all()),
            "availability_text": availability.describe(offer.availability),
            "GUARDIAN_CONCLUDES_BELOW": GUARDIAN_CONCLUDES_BELOW,
            "return_form": return_form,
        },
    )


def home_highlights(user) -> dict:
    """The volunteer centre's part of the home page: the newest offers this person may see."""
    offers = permissions.visible_offers(user).select_related("host", "district")
    return {"newest_offers": list(offers.prefetch_related("skills").order_by("-published_at")[:3])}
