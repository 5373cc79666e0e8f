from django.shortcuts import render
from django.utils.translation import gettext as _


def index(request):
    return render(request, "centre/index.html", {"title": _("Centre services")})
