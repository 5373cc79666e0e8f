from django.urls import path

from . import offer_views as views

# oferty/nowa/ comes before oferty/<slug>/, so "nowa" is a reserved slug (offer_services).
urlpatterns = [
    path("", views.offer_index, name="index"),
    path("oferty/nowa/", views.offer_create, name="offer_create"),
    path("oferty/<slug:slug>/", views.offer_detail, name="offer"),
    path("oferty/<slug:slug>/edytuj/", views.offer_edit, name="offer_edit"),
    path("oferty/<slug:slug>/do-oceny/", views.offer_submit, name="offer_submit"),
    path("oferty/<slug:slug>/zamknij/", views.offer_close, name="offer_close"),
    path("moje-oferty/", views.host_offers, name="host_offers"),
    path("do-zatwierdzenia/", views.review_queue, name="review_queue"),
    path("do-zatwierdzenia/<slug:slug>/", views.offer_review, name="offer_review"),
]
