from django.urls import path

from . import application_views as views

urlpatterns = [
    path("oferty/<slug:slug>/zglos-sie/", views.apply, name="apply"),
    path("oferty/<slug:slug>/zgloszenia/", views.offer_applications, name="offer_applications"),
    path("zgloszenia/", views.my_applications, name="my_applications"),
    path("zgloszenia/<int:pk>/", views.application_detail, name="application"),
    path("zgloszenia/<int:pk>/przyjmij/", views.application_accept, name="application_accept"),
    path("zgloszenia/<int:pk>/odrzuc/", views.application_decline, name="application_decline"),
    path("zgloszenia/<int:pk>/wycofaj/", views.application_withdraw, name="application_withdraw"),
]
