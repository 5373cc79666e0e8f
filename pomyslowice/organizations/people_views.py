"""Pages of the directory of activists and local leaders (/ludzie/)."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from pomyslowice.core.db_routing import read_from_replica
from pomyslowice.core.jsonld import json_ld
from pomyslowice.core.models import AreaOfBenefit
from pomyslowice.core.page_cache import cache_public_page
from pomyslowice.core.sanitize import plain_text, safe_html
from pomyslowice.core.text import fold
from pomyslowice.privacy.access_log import record_view

from .models import PersonConsent
from .people_forms import (
    CONSENT_LABELS,
    ContactForm,
    DraftPersonForm,
    LinkConsentForm,
    ManageLinkRequestForm,
    OwnProfileForm,
)
from .people_services import (
    VIA_EMAIL_LINK,
    VIA_PROFILE_FORM,
    RateLimitExceeded,
    confirm_consent_from_link,
    create_draft_person,
    decline_draft,
    delete_own_profile,
    discard_draft,
    request_manage_link,
    resend_consent_link,
    save_own_profile,
    send_contact_message,
    withdraw_consent,
)
from .permissions import (
    active_consent_fields,
    can_manage_people,
    drafts_awaiting_consent,
    get_contactable_person,
    get_draft_for_staff,
    get_person_for_consent_token,
    get_person_for_owner,
    get_public_person,
    public_people,
    public_profile,
)

PEOPLE_PER_PAGE = 20
MAX_SEARCH_WORDS = 10
# Inside <script> a JSON string must not be able to close the element or open a comment.


def people_staff_required(view):
    """Anonymous visitors are sent to log in; signed-in users without the role get a 403."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not can_manage_people(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


# Public pages ---------------------------------------------------------------------------------


@cache_public_page("organizations")
@read_from_replica
def person_list(request):
    query = request.GET.get("q", "").strip()
    area_slug = request.GET.get("obszar", "").strip()
    people = public_people()
    if query:
        people = search_people(people, query)
    selected_area = None
    if area_slug:
        selected_area = AreaOfBenefit.objects.filter(slug=area_slug).first()
        people = _in_area(people, selected_area) if selected_area else people.none()
    page = Paginator(people, PEOPLE_PER_PAGE).get_page(request.GET.get("strona"))
    return render(
        request,
        "organizations/people/list.html",
        {
            "title": _("Activists and local leaders"),
            "page": page,
            "profiles": [public_profile(person) for person in page],
            "query": query,
            "areas": AreaOfBenefit.objects.filter(is_active=True).only("name", "slug"),
            "selected_area": selected_area,
            "can_manage_people": can_manage_people(request.user),
        },
    )


def search_people(people, query: str):
    """Accent-insensitive search over name and skills, where skills count only if public.

    search_text holds the folded name and skills; matching a skill somebody has not agreed
    to show would reveal it, so for those people every word must be in the name.
    """
    words = fold(query).split()[:MAX_SEARCH_WORDS]
    for word in words:
        people = people.filter(search_text__contains=word)
    skills_public = _has_active_consent(PersonConsent.Field.SKILLS)
    matched_by_name = [
        pk
        for pk, full_name in people.exclude(skills_public).values_list("pk", "full_name")
        if all(word in fold(full_name) for word in words)
    ]
    return people.filter(Q(skills_public) | Q(pk__in=matched_by_name))


def _in_area(people, area: AreaOfBenefit):
    # Filtering by an area nobody agreed to show would reveal it just as listing it would.
    return people.filter(_has_active_consent(PersonConsent.Field.AREAS), areas=area)


def _has_active_consent(field: str) -> Exists:
    return Exists(
        PersonConsent.objects.filter(person=OuterRef("pk"), field=field, withdrawn_at__isnull=True)
    )


@cache_public_page("organizations")
@read_from_replica
def person_detail(request, slug):
    profile = public_profile(get_public_person(slug))
    return render(
        request,
        "organizations/people/detail.html",
        {
            "title": profile.name,
            "profile": profile,
            "description": plain_text(profile.bio_html),
            "json_ld": person_json_ld(request, profile),
        },
    )


def person_json_ld(request, profile) -> str:
    """schema.org Person built only from the consented profile."""
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": profile.name,
        "url": request.build_absolute_uri(profile.url),
    }
    if profile.bio_html:
        data["description"] = plain_text(profile.bio_html)
    skills = [skill.strip() for skill in profile.skills.split(",") if skill.strip()]
    knows_about = [*skills, *(area.name for area in profile.areas)]
    if knows_about:
        data["knowsAbout"] = knows_about
    if profile.organizations:
        data["memberOf"] = [
            {
                "@type": "Organization",
                "name": organization.name,
                "url": request.build_absolute_uri(organization.get_absolute_url()),
            }
            for organization in profile.organizations
        ]
    if profile.photo_url:
        data["image"] = request.build_absolute_uri(profile.photo_url)
    return json_ld(data)


def person_contact(request, slug):
    person = get_contactable_person(slug)
    profile = public_profile(person)
    form = ContactForm(request.POST if request.method == "POST" else None)
    status = 200
    if form.is_bound and form.is_valid():
        if form.is_from_bot():
            # Look exactly like success, so the robot learns nothing.
            messages.success(request, _("Your message has been sent."))
            return redirect(profile.url)
        try:
            send_contact_message(
                person=person,
                sender_name=form.cleaned_data["sender_name"],
                sender_email=form.cleaned_data["sender_email"],
                message=form.cleaned_data["message"],
                client_key=client_ip(request),
            )
        except RateLimitExceeded:
            form.add_error(
                None,
                _("You have sent too many messages in the last hour. Please try again later."),
            )
            status = 429
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your message has been sent."))
            return redirect(profile.url)
    return render(
        request,
        "organizations/people/contact.html",
        {
            "title": _("Write to %(name)s") % {"name": profile.name},
            "profile": profile,
            "form": form,
        },
        status=status,
    )


def client_ip(request) -> str:
    """The visitor's address, for rate limits.

    Behind the reverse proxy (BEHIND_PROXY=1 sets SECURE_PROXY_SSL_HEADER) every request comes
    from the proxy; it appends the real client as the last X-Forwarded-For entry, the one part
    of that header a client cannot forge.
    """
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.SECURE_PROXY_SSL_HEADER and forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


# The leader's own profile ---------------------------------------------------------------------


@login_required
def my_profile(request):
    person = get_person_for_owner(request.user)
    initial = _owner_initial(request.user, person)
    if request.method == "POST":
        form = OwnProfileForm(request.POST, request.FILES, initial=initial)
        if form.is_valid():
            try:
                save_own_profile(
                    user=request.user,
                    full_name=form.cleaned_data["full_name"],
                    bio=form.cleaned_data["bio"],
                    skills=form.cleaned_data["skills"],
                    areas=form.cleaned_data["areas"],
                    organizations=form.cleaned_data["organizations"],
                    consents=form.cleaned_data["consents"],
                    **form.photo_changes(),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your profile has been saved."))
                return redirect("people:my-profile")
    else:
        form = OwnProfileForm(initial=initial)
    active = active_consent_fields(person) if person else frozenset()
    return render(
        request,
        "organizations/people/my_profile.html",
        {
            "title": _("My leader profile"),
            "form": form,
            "person": person,
            "is_public": PersonConsent.Field.NAME in active,
            "active_consents": [(field, CONSENT_LABELS[field]) for field in sorted(active)],
            "consent_history": _consent_history(person) if person else [],
        },
    )


def _owner_initial(user, person) -> dict:
    if person is None:
        return {"full_name": user.get_full_name()}
    return {
        "full_name": person.full_name,
        "bio": person.bio,
        "skills": person.skills,
        "areas": [area.pk for area in person.areas.all()],
        "organizations": [organization.pk for organization in person.organizations.all()],
        "photo": person.photo or None,
        "consents": sorted(active_consent_fields(person)),
    }


def _consent_history(person) -> list[dict]:
    channels = {VIA_PROFILE_FORM: _("profile form"), VIA_EMAIL_LINK: _("e-mail link")}
    return [
        {
            "field": consent.get_field_display(),
            "given_at": consent.given_at,
            "given_via": channels.get(consent.given_via, consent.given_via),
            "withdrawn_at": consent.withdrawn_at,
        }
        for consent in person.consents.all()
    ]


@login_required
@require_POST
def withdraw_my_consent(request, field):
    person = get_person_for_owner(request.user)
    if person is None or field not in PersonConsent.Field.values:
        raise Http404
    try:
        withdraw_consent(person=person, field=field, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Consent withdrawn: “%(field)s” is no longer public.")
            % {"field": PersonConsent.Field(field).label},
        )
    return redirect("people:my-profile")


@login_required
def delete_my_profile(request):
    person = get_person_for_owner(request.user)
    if person is None:
        raise Http404
    if request.method == "POST":
        delete_own_profile(user=request.user)
        messages.success(request, _("Your leader profile and its data have been deleted."))
        return redirect("people:list")
    return render(
        request,
        "organizations/people/delete_profile.html",
        {"title": _("Delete my leader profile"), "person": person},
    )


# Staff: leaders added on their behalf ---------------------------------------------------------


@people_staff_required
def person_add(request):
    is_post = request.method == "POST"
    form = DraftPersonForm(request.POST, request.FILES) if is_post else DraftPersonForm()
    if is_post and form.is_valid():
        try:
            person = create_draft_person(
                by=request.user,
                full_name=form.cleaned_data["full_name"],
                email=form.cleaned_data["email"],
                bio=form.cleaned_data["bio"],
                skills=form.cleaned_data["skills"],
                areas=form.cleaned_data["areas"],
                organizations=form.cleaned_data["organizations"],
                photo=form.photo_changes()["photo"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "The draft of %(name)s is saved. We have e-mailed them a link to see it and "
                    "decide what may be public; nothing is shown until they do."
                )
                % {"name": person.full_name},
            )
            return redirect("people:pending")
    return render(
        request,
        "organizations/people/add.html",
        {"title": _("Add a leader on their behalf"), "form": form},
    )


@people_staff_required
def pending_list(request):
    record_view(request=request, subject=None, what="list")
    return render(
        request,
        "organizations/people/pending.html",
        {"title": _("Leaders awaiting consent"), "drafts": drafts_awaiting_consent()},
    )


@people_staff_required
@require_POST
def pending_resend(request, pk):
    person = get_draft_for_staff(request.user, pk)
    try:
        resend_consent_link(person=person, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("A new link has been sent to %(name)s.") % {"name": person.full_name}
        )
    return redirect("people:pending")


@people_staff_required
@require_POST
def pending_discard(request, pk):
    person = get_draft_for_staff(request.user, pk)
    name = person.full_name
    try:
        discard_draft(person=person, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The draft of %(name)s has been deleted.") % {"name": name})
    return redirect("people:pending")


# The person's answer through the e-mailed link ------------------------------------------------


@never_cache
def consent(request, token):
    try:
        person = get_person_for_consent_token(token)
    except signing.SignatureExpired:
        return _invalid_link(request, expired=True)
    except signing.BadSignature:
        return _invalid_link(request, expired=False)
    form = LinkConsentForm(initial={"consents": sorted(active_consent_fields(person))})
    if request.method == "POST" and request.POST.get("action") == "decline":
        decline_draft(person=person)
        messages.success(request, _("Your data has been deleted. Thank you for letting us know."))
        return redirect("people:list")
    if request.method == "POST":
        form = LinkConsentForm(request.POST)
        if form.is_valid():
            try:
                confirm_consent_from_link(person=person, fields=form.cleaned_data["consents"])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Thank you. Your choices have been saved."))
                return redirect("people:consent", token=token)
    active = active_consent_fields(person)
    return render(
        request,
        "organizations/people/consent.html",
        {
            "title": _("Your profile in the directory"),
            "person": person,
            # Everything the centre wrote, consented or not: the person decides about all of it.
            "bio_html": safe_html(person.bio),
            "form": form,
            "is_public": PersonConsent.Field.NAME in active,
            "has_answered": bool(active),
        },
    )


def _invalid_link(request, *, expired: bool):
    return render(
        request,
        "organizations/people/consent_invalid.html",
        {"title": _("This link does not work"), "expired": expired},
        status=400,
    )


def consent_request(request):
    """A new link by e-mail, for anyone without an account who wants to change their consent."""
    is_post = request.method == "POST"
    form = ManageLinkRequestForm(request.POST) if is_post else ManageLinkRequestForm()
    status = 200
    if is_post and form.is_valid():
        try:
            request_manage_link(email=form.cleaned_data["email"], client_key=client_ip(request))
        except RateLimitExceeded:
            form.add_error(
                None, _("Too many links were requested in the last hour. Please try again later.")
            )
            status = 429
        else:
            messages.success(
                request,
                _(
                    "If this address is in our directory, we have sent a link to it. "
                    "Check your inbox."
                ),
            )
            return redirect("people:consent-request")
    return render(
        request,
        "organizations/people/consent_request.html",
        {"title": _("Manage your consent"), "form": form},
        status=status,
    )


def add_service_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field when the form has one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
