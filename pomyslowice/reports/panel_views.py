"""The staff panel's start screen: what each of the user's roles has to act on today."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from .panel import sections_for
from .permissions import can_use_panel, require


@login_required
def panel(request):
    require(can_use_panel(request.user))
    return render(
        request,
        "reports/panel/index.html",
        {"title": _("Staff panel"), "sections": sections_for(request.user)},
    )
