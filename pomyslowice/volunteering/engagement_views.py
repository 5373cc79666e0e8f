"""Engagement pages: the lists, the engagement with its checklist, and one view per legal step.

Who may see an engagement is decided by `permissions.get_engagement_for_user` (404 for anyone
else); on an engagement they see, host actions are for those who act for the host and the
volunteer's for the volunteer — anyone else gets a 403.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pomyslowice.core.documents import INLINE_TYPES, sniff
from pomyslowice.organizations.forms import add_service_errors

from . import engagement_services as services
from .agreement_pdf import agreement_filename, agreement_pdf
from .engagement_forms import (
    AcknowledgeSafetyForm,
    AgreementForm,
    CallOffForm,
    ConfirmAgreementForm,
    EndForm,
    GuardianConsentForm,
    InsuranceForm,
    RegisterCheckForm,
    SafetyForm,
)
from .models import Agreement, Engagement, GuardianConsent
from .permissions import (
    acts_for_host,
    can_see_everything,
    get_engagement_for_user,
    host_organizations,
    is_volunteer_of,
)

PAGE_SIZE = 50
LISTING = ("application__offer__host", "application__volunteer")


# --- lists -------------------------------------------------------------------------------------


@login_required
def engagement_list(request):
    user = request.user
    hosts = list(host_organizations(user))
    context = {
        "title": _("Volunteering engagements"),
        "as_volunteer": Engagement.objects.filter(application__volunteer=user)
        .select_related(*LISTING)
        .order_by("-starts_on", "-pk"),
        "as_host": Engagement.objects.filter(application__offer__host__in=hosts)
        .select_related(*LISTING)
        .order_by("application__offer__host__name", "-starts_on", "-pk")
        if hosts
        else Engagement.objects.none(),
        "hosts": hosts,
        "can_see_everything": can_see_everything(user),
    }
    if context["can_see_everything"]:
        everything = Engagement.objects.select_related(*LISTING).order_by("-starts_on", "-pk")
        context["page"] = Paginator(everything, PAGE_SIZE).get_page(request.GET.get("strona"))
    return render(request, "volunteering/engagements/list.html", context)


# --- the engagement ----------------------------------------------------------------------------


def _host_forms(engagement: Engagement) -> dict:
    consent = GuardianConsent.objects.filter(engagement=engagement).first()
    return {
        "safety_form": SafetyForm(
            initial={
                "safety_information": engagement.safety_information,
                "travel_costs": engagement.travel_costs,
            }
        ),
        "insurance_form": InsuranceForm(
            initial={
                "insurer": engagement.insurer,
                "insurance_policy": engagement.insurance_policy,
                "insured_until": engagement.insured_until or engagement.ends_on,
            }
        ),
        "consent_form": _consent_form(consent),
        "register_form": RegisterCheckForm(
            initial={
                "checked_on": engagement.register_checked_on,
                "checked_by": engagement.register_checked_by,
                "result": engagement.register_result,
            }
        ),
    }


def _consent_form(consent: GuardianConsent | None, data=None, files=None) -> GuardianConsentForm:
    initial = {}
    if consent is not None:
        initial = {
            "guardian_name": consent.guardian_name,
            "relationship": consent.relationship,
            "method": consent.method,
            "given_on": consent.given_on,
        }
    return GuardianConsentForm(data, files, initial=initial)


@login_required
def engagement_detail(request, pk):
    engagement = get_engagement_for_user(request.user, pk)
    is_host = acts_for_host(request.user, engagement)
    is_volunteer = is_volunteer_of(request.user, engagement)
    items = services.checklist(engagement)
    agreement = services.current_agreement(engagement)
    context = {
        "title": engagement.offer.title,
        "engagement": engagement,
        "offer": engagement.offer,
        "volunteer_name": engagement.named_volunteer(),
        "is_host": is_host,
        "is_volunteer": is_volunteer,
        "items": items,
        "blockers": services.start_blockers(engagement, items),
        "agreement": agreement,
        "agreement_required": services.written_agreement_required(engagement),
        "age": services.volunteer_age(engagement),
        "is_minor": services.is_minor(engagement),
        "guardian_concludes": services.guardian_concludes(engagement),
        "consent": GuardianConsent.objects.filter(engagement=engagement).first(),
        "confirm_form": ConfirmAgreementForm(),
        "acknowledge_form": AcknowledgeSafetyForm(),
        "end_form": EndForm(),
    }
    if is_host and engagement.status == Engagement.Status.PREPARING:
        context.update(_host_forms(engagement))
    return render(request, "volunteering/engagements/detail.html", context)


def _for_host(request, pk) -> Engagement:
    engagement = get_engagement_for_user(request.user, pk)
    if not acts_for_host(request.user, engagement):
        raise PermissionDenied
    return engagement


def _for_volunteer(request, pk) -> Engagement:
    engagement = get_engagement_for_user(request.user, pk)
    if not is_volunteer_of(request.user, engagement):
        raise PermissionDenied
    return engagement


def _submit(request, engagement, form, call, success: str):
    """Run the service with the form's data; the engagement page on success, else None."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        call(form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    messages.success(request, success)
    return redirect(engagement)


def _form_page(request, engagement, form, *, title, submit, intro="", multipart=False):
    return render(
        request,
        "volunteering/engagements/form.html",
        {
            "title": title,
            "engagement": engagement,
            "form": form,
            "submit": submit,
            "intro": intro,
            "multipart": multipart,
        },
    )


# --- the agreement -----------------------------------------------------------------------------


@login_required
def agreement(request, pk):
    """The versions, and for the host the form that makes a new one (the first from the offer)."""
    engagement = get_engagement_for_user(request.user, pk)
    is_host = acts_for_host(request.user, engagement)
    current = services.current_agreement(engagement)
    can_change = is_host and engagement.status in (
        Engagement.Status.PREPARING,
        Engagement.Status.ACTIVE,
    )
    form = None
    if can_change:
        initial = (
            {field: getattr(current, field) for field in AgreementForm.base_fields}
            if current
            else services.agreement_defaults(engagement, by=request.user)
        )
        form = AgreementForm(request.POST or None, initial=initial)
        done = _submit(
            request,
            engagement,
            form,
            lambda data: services.save_agreement_version(
                engagement=engagement, by=request.user, **data
            ),
            _("The new version of the agreement is saved. Both sides now confirm it."),
        )
        if done:
            return done
    elif request.method == "POST":
        if not is_host:
            raise PermissionDenied
        messages.error(request, _("The engagement is over; its agreement can no longer change."))
        return redirect(engagement)
    return render(
        request,
        "volunteering/engagements/agreement.html",
        {
            "title": _("Agreement: %(offer)s") % {"offer": engagement.offer.title},
            "engagement": engagement,
            "versions": engagement.agreements.order_by("-version"),
            "current": current,
            "form": form,
            "required": services.written_agreement_required(engagement),
            "guardian_concludes": services.guardian_concludes(engagement),
        },
    )


def _version(engagement: Engagement, version: int) -> Agreement:
    return get_object_or_404(Agreement, engagement=engagement, version=version)


@login_required
def agreement_version(request, pk, version):
    engagement = get_engagement_for_user(request.user, pk)
    shown = _version(engagement, version)
    current = services.current_agreement(engagement)
    return render(
        request,
        "volunteering/engagements/agreement_version.html",
        {
            "title": _("Agreement, version %(version)s") % {"version": shown.version},
            "engagement": engagement,
            "agreement": shown,
            "is_current": current is not None and current.pk == shown.pk,
        },
    )


@login_required
def agreement_pdf_download(request, pk, version):
    engagement = get_engagement_for_user(request.user, pk)
    shown = _version(engagement, version)
    response = HttpResponse(agreement_pdf(shown), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{agreement_filename(shown)}"'
    return response


@login_required
@require_POST
def agreement_confirm(request, pk, version):
    engagement = get_engagement_for_user(request.user, pk)
    shown = _version(engagement, version)
    form = ConfirmAgreementForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The confirmation could not be read. Please try again."))
        return redirect(engagement)
    side = form.cleaned_data["side"]
    allowed = acts_for_host if side == "host" else is_volunteer_of
    if not allowed(request.user, engagement):
        raise PermissionDenied
    try:
        services.confirm_agreement(
            agreement=shown,
            by=request.user,
            side=side,
            for_guardian=form.cleaned_data["for_guardian"],
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("Version %(version)s is confirmed.") % {"version": shown.version}
        )
    return redirect(engagement)


@login_required
@require_POST
def written_agreement_request(request, pk):
    engagement = _for_volunteer(request, pk)
    _attempt(
        request,
        lambda: services.request_written_agreement(engagement=engagement, by=request.user),
        _("The host is asked to prepare a written agreement."),
    )
    return redirect(engagement)


def _attempt(request, call, success: str) -> None:
    try:
        call()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)


# --- health and safety, insurance, guardian, register ------------------------------------------


@login_required
def safety(request, pk):
    """The host writes the information; the volunteer acknowledges it."""
    engagement = get_engagement_for_user(request.user, pk)
    if is_volunteer_of(request.user, engagement) and not acts_for_host(request.user, engagement):
        return _acknowledge_safety(request, engagement)
    if not acts_for_host(request.user, engagement):
        raise PermissionDenied
    form = SafetyForm(
        request.POST or None,
        initial={
            "safety_information": engagement.safety_information,
            "travel_costs": engagement.travel_costs,
        },
    )
    done = _submit(
        request,
        engagement,
        form,
        lambda data: services.record_safety_information(
            engagement=engagement, by=request.user, **data
        ),
        _("The health and safety information is saved."),
    )
    return done or _form_page(
        request,
        engagement,
        form,
        title=_("Health and safety information"),
        submit=_("Save the information"),
    )


def _acknowledge_safety(request, engagement):
    form = AcknowledgeSafetyForm(request.POST or None)
    done = _submit(
        request,
        engagement,
        form,
        lambda data: services.acknowledge_safety(engagement=engagement, by=request.user),
        _("Thank you: your acknowledgement is recorded."),
    )
    return done or render(
        request,
        "volunteering/engagements/safety.html",
        {"title": _("Health and safety information"), "engagement": engagement, "form": form},
    )


@login_required
def insurance(request, pk):
    engagement = _for_host(request, pk)
    form = InsuranceForm(
        request.POST or None,
        initial={
            "insurer": engagement.insurer,
            "insurance_policy": engagement.insurance_policy,
            "insured_until": engagement.insured_until or engagement.ends_on,
        },
    )
    done = _submit(
        request,
        engagement,
        form,
        lambda data: services.record_insurance(engagement=engagement, by=request.user, **data),
        _("The accident insurance is recorded."),
    )
    return done or _form_page(
        request,
        engagement,
        form,
        title=_("Accident insurance (NNW)"),
        submit=_("Record the insurance"),
        intro=_(
            "For engagements of up to 30 days the host insures the volunteer against accidents "
            "(art. 46 ust. 3); the policy must cover the engagement until its last day."
        ),
    )


@login_required
def guardian_consent(request, pk):
    engagement = _for_host(request, pk)
    consent = GuardianConsent.objects.filter(engagement=engagement).first()
    form = _consent_form(consent, request.POST or None, request.FILES or None)
    done = _submit(
        request,
        engagement,
        form,
        lambda data: services.record_guardian_consent(
            engagement=engagement, by=request.user, **data
        ),
        _("The guardian's consent is recorded."),
    )
    return done or _form_page(
        request,
        engagement,
        form,
        title=_("Legal guardian's consent"),
        submit=_("Record the consent"),
        intro=_(
            "A volunteer aged 13 to 17 needs the written consent of a legal guardian; below 13 "
            "the guardian concludes the agreement."
        ),
        multipart=True,
    )


@login_required
def guardian_consent_file(request, pk):
    """The signed form: the host side, the volunteer and the centre's staff only — never public."""
    engagement = get_engagement_for_user(request.user, pk)
    consent = GuardianConsent.objects.filter(engagement=engagement).first()
    if consent is None or not consent.signed_form:
        raise Http404
    with consent.signed_form.open("rb") as stored:
        content_type = sniff(stored) or "application/octet-stream"
    extension = consent.signed_form.name.rsplit(".", 1)[-1]
    response = FileResponse(
        consent.signed_form.open("rb"),
        as_attachment=content_type not in INLINE_TYPES,
        filename=f"zgoda-opiekuna-{engagement.pk}.{extension}",
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def register_check(request, pk):
    engagement = _for_host(request, pk)
    form = RegisterCheckForm(
        request.POST or None,
        initial={
            "checked_on": engagement.register_checked_on,
            "checked_by": engagement.register_checked_by,
            "result": engagement.register_result,
        },
    )
    done = _submit(
        request,
        engagement,
        form,
        lambda data: services.record_register_check(engagement=engagement, by=request.user, **data),
        _("The register check is recorded."),
    )
    return done or _form_page(
        request,
        engagement,
        form,
        title=_("Sex-offender register check"),
        submit=_("Record the check"),
        intro=_(
            "Before a volunteer starts work with children the host checks the sex-offender "
            "register. Record only the fact of the check; do not upload the certificate."
        ),
    )


# --- start and end -----------------------------------------------------------------------------


@login_required
@require_POST
def start(request, pk):
    engagement = _for_host(request, pk)
    _attempt(
        request,
        lambda: services.start_engagement(engagement=engagement, by=request.user),
        _("The engagement has started. Both sides are informed by e-mail."),
    )
    return redirect(engagement)


@login_required
def end(request, pk):
    engagement = get_engagement_for_user(request.user, pk)
    if not (acts_for_host(request.user, engagement) or is_volunteer_of(request.user, engagement)):
        raise PermissionDenied
    form = EndForm(request.POST or None)
    done = _submit(
        request,
        engagement,
        form,
        lambda data: services.end_engagement(
            engagement=engagement,
            by=request.user,
            early=data["how"] == "early",
            reason=data["reason"],
        ),
        _("The engagement has ended. Both sides are informed by e-mail."),
    )
    return done or _form_page(
        request, engagement, form, title=_("End the engagement"), submit=_("End the engagement")
    )


@login_required
def call_off(request, pk):
    """Before the start the host may call the engagement off; the place is free again."""
    engagement = _for_host(request, pk)
    form = CallOffForm(request.POST or None)
    done = _submit(
        request,
        engagement,
        form,
        lambda data: services.call_off_engagement(
            engagement=engagement, by=request.user, reason=data["reason"]
        ),
        _("The engagement is called off. Both sides are informed by e-mail."),
    )
    return done or _form_page(
        request,
        engagement,
        form,
        title=_("Call off the engagement"),
        submit=_("Call off the engagement"),
        intro=_("The application then counts as declined and its place on the offer is free."),
    )
