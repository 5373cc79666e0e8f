from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pomyslowice.organizations.forms import add_service_errors

from . import profile_services as services
from .models import Application, Engagement, OutreachMeeting, VolunteerProfile
from .outreach_services import SOURCE_SESSION_KEY
from .permissions import host_organizations
from .profile_forms import ProfileDeleteForm, ProfileForm

MINE_APPLICATIONS = 10


def _own_profile(user) -> VolunteerProfile | None:
    return VolunteerProfile.objects.filter(user=user).first()


def _source_meeting(request) -> OutreachMeeting | None:
    """The outreach meeting whose join link brought this visitor (stored by outreach_join)."""
    pk = request.session.get(SOURCE_SESSION_KEY)
    if not isinstance(pk, int):
        return None
    return OutreachMeeting.objects.filter(pk=pk).first()


def _save(request, form: ProfileForm, profile: VolunteerProfile | None) -> VolunteerProfile:
    arguments = form.service_arguments()
    if profile is not None:
        return services.update_profile(profile=profile, by=request.user, **arguments)
    profile = services.create_profile(
        user=request.user, source_meeting=_source_meeting(request), **arguments
    )
    request.session.pop(SOURCE_SESSION_KEY, None)
    return profile


@login_required
def profile(request):
    """Create the volunteer profile, or edit it; consents given and withdrawn are listed."""
    user = request.user
    own = _own_profile(user)
    form = ProfileForm(request.POST or None, user=user, profile=own)
    if request.method == "POST" and form.is_valid():
        try:
            _save(request, form, own)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Your volunteer profile is saved.")
                if own
                else _("Your volunteer profile is created. Now find an offer that suits you."),
            )
            return redirect("volunteering:profile")
    return render(
        request,
        "volunteering/profile/edit.html",
        {
            "title": _("My volunteer profile") if own else _("Become a volunteer"),
            "profile": own,
            "form": form,
            "consents": list(own.consents.all()) if own else [],
            "minor_notice": services.minor_notice(user.birth_date),
            "delete_form": ProfileDeleteForm(),
        },
    )


@login_required
@require_POST
def profile_delete(request):
    own = _own_profile(request.user)
    form = ProfileDeleteForm(request.POST)
    if own is None:
        messages.error(request, _("You have no volunteer profile."))
    elif not form.is_valid():
        messages.error(request, _("Tick the box to confirm that you want to delete your profile."))
    else:
        services.delete_profile(profile=own, by=request.user, language=translation.get_language())
        messages.success(
            request,
            _(
                "Your volunteer profile and its consents are deleted; pending applications are "
                "withdrawn."
            ),
        )
    return redirect("volunteering:profile")


def mine_volunteering(user) -> dict:
    """The volunteering part of /moje/: the profile, active applications, running engagements
    and, for hosts, how many applications wait for an answer."""
    hosts = host_organizations(user)
    return {
        "volunteer_profile": _own_profile(user),
        "volunteer_minor_notice": services.minor_notice(user.birth_date),
        "volunteer_applications": list(
            Application.objects.filter(volunteer=user, status__in=Application.ACTIVE_STATUSES)
            .select_related("offer__host")
            .order_by("-created_at", "-pk")[:MINE_APPLICATIONS]
        ),
        "volunteer_engagements": Engagement.objects.filter(
            application__volunteer=user,
            status__in=[Engagement.Status.PREPARING, Engagement.Status.ACTIVE],
        ).count(),
        "is_volunteer_host": hosts.exists(),
        "host_pending_applications": Application.objects.filter(
            offer__host__in=hosts, status=Application.Status.PENDING
        ).count(),
    }
