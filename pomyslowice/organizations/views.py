from django.shortcuts import render

from .models import Organization


def home(request):
    newest = Organization.objects.published().for_listing().order_by("-published_at")[:6]
    return render(request, "organizations/home.html", {"newest": newest})


def organization_list(request):
    return render(request, "organizations/list.html", {})
