from django.urls import path, re_path

from . import registration_views, views, widget_views
from .feeds import NewEventsFeed

app_name = "events"

# Fixed words come before "<slug>/"; services.RESERVED_SLUGS keeps events from taking them.
urlpatterns = [
    path("", views.event_list, name="list"),
    path("zglos/", views.event_submit, name="submit"),
    path("widget/", widget_views.widget, name="widget"),
    path("widget/kod/", widget_views.widget_code, name="widget-code"),
    path("moderacja/", views.moderation, name="moderation"),
    path("moderacja/<slug:slug>/zatwierdz/", views.event_approve, name="approve"),
    path("moderacja/<slug:slug>/odrzuc/", views.event_reject, name="reject"),
    path("miesiac/", views.current_month, name="current-month"),
    re_path(r"^miesiac/(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/$", views.month, name="month"),
    path("kanal.atom", NewEventsFeed(), name="feed"),
    path("<slug:slug>.ics", views.event_ics, name="ics"),
    path(
        "zapisy/<int:pk>/zaswiadczenie.pdf",
        registration_views.certificate,
        name="certificate",
    ),
    path("ankieta/<str:token>/", registration_views.feedback, name="feedback"),
    path(
        "zapisy/<str:token>/potwierdz/",
        registration_views.registration_confirm,
        name="registration-confirm",
    ),
    path("zapisy/<str:token>/", registration_views.registration_manage, name="registration-manage"),
    path("<slug:slug>/zapisz/", registration_views.event_register, name="register"),
    path("<slug:slug>/uczestnicy/", registration_views.attendees, name="attendees"),
    path("<slug:slug>/uczestnicy.csv", registration_views.attendees_csv, name="attendees-csv"),
    path(
        "<slug:slug>/uczestnicy/<int:pk>/obecnosc/",
        registration_views.attendance,
        name="attendance",
    ),
    path(
        "<slug:slug>/uczestnicy/<int:pk>/zatwierdz/",
        registration_views.registration_approve,
        name="registration-approve",
    ),
    path(
        "<slug:slug>/zapisy/ustawienia/",
        registration_views.registration_settings,
        name="registration-settings",
    ),
    path(
        "<slug:slug>/zapisy/zamknij/",
        registration_views.registration_close,
        name="registration-close",
    ),
    path(
        "<slug:slug>/uczestnicy/ankieta/",
        registration_views.feedback_send,
        name="feedback-send",
    ),
    path(
        "<slug:slug>/uczestnicy/wiadomosc/",
        registration_views.message_all,
        name="message-all",
    ),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/edytuj/", views.event_edit, name="edit"),
    path("<slug:slug>/odwolaj/", views.event_cancel, name="cancel"),
    path("<slug:slug>/przeloz/", views.event_postpone, name="postpone"),
]
