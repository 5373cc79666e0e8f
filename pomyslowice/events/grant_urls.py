from django.urls import path

from . import grant_views
from .grant_feeds import GrantCallFeed

app_name = "grants"

# Fixed words come before "<slug>/"; grant_services.RESERVED_SLUGS keeps calls from taking them.
urlpatterns = [
    path("", grant_views.grant_call_list, name="list"),
    path("kanal.atom", GrantCallFeed(), name="feed"),
    path("dodaj/", grant_views.grant_call_add, name="add"),
    path("powiadomienia/", grant_views.grant_call_subscribe, name="subscribe"),
    path("<slug:slug>/", grant_views.grant_call_detail, name="detail"),
    path("<slug:slug>/edytuj/", grant_views.grant_call_edit, name="edit"),
]
