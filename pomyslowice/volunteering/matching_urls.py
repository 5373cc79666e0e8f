from django.urls import path

from . import matching_views as views

urlpatterns = [
    path("dla-mnie/", views.offers_for_me, name="offers_for_me"),
    path(
        "oferty/<slug:slug>/wolontariusze/",
        views.volunteers_for_offer,
        name="volunteers_for_offer",
    ),
]
