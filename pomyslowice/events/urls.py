from django.urls import path, re_path

from . import views
from .feeds import NewEventsFeed

app_name = "events"

# Fixed words come before "<slug>/"; services.RESERVED_SLUGS keeps events from taking them.
urlpatterns = [
    path("", views.event_list, name="list"),
    path("zglos/", views.event_submit, name="submit"),
    path("moderacja/", views.moderation, name="moderation"),
    path("moderacja/<slug:slug>/zatwierdz/", views.event_approve, name="approve"),
    path("moderacja/<slug:slug>/odrzuc/", views.event_reject, name="reject"),
    path("miesiac/", views.current_month, name="current-month"),
    re_path(r"^miesiac/(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/$", views.month, name="month"),
    path("kanal.atom", NewEventsFeed(), name="feed"),
    path("<slug:slug>.ics", views.event_ics, name="ics"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/edytuj/", views.event_edit, name="edit"),
    path("<slug:slug>/odwolaj/", views.event_cancel, name="cancel"),
    path("<slug:slug>/przeloz/", views.event_postpone, name="postpone"),
]
