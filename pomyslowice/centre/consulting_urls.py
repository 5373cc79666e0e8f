from django.urls import path

from . import consulting_views as views

urlpatterns = [
    path("", views.service_list, name="consulting-services"),
    path("wizyty/", views.appointments, name="consulting-appointments"),
    path("wizyty/<int:pk>/", views.appointment_detail, name="consulting-appointment"),
    path("wizyty/<int:pk>/odwolaj/", views.cancel, name="consulting-cancel"),
    path("wizyty/<int:pk>/przeloz/", views.reschedule, name="consulting-reschedule"),
    path("wizyty/<int:pk>/wynik/", views.outcome, name="consulting-outcome"),
    path("dostepnosc/", views.availability, name="consulting-availability"),
    path(
        "dostepnosc/<int:pk>/usun/",
        views.availability_remove,
        name="consulting-availability-remove",
    ),
    path("potwierdz/<str:token>/", views.confirm, name="consulting-confirm"),
    path("wizyta/<str:token>/", views.manage, name="consulting-manage"),
    path("wizyta/<str:token>/odwolaj/", views.manage_cancel, name="consulting-manage-cancel"),
    path(
        "wizyta/<str:token>/przeloz/",
        views.manage_reschedule,
        name="consulting-manage-reschedule",
    ),
    path("<slug:slug>/", views.service_detail, name="consulting-service"),
    path("<slug:slug>/rezerwuj/", views.book, name="consulting-book"),
]
