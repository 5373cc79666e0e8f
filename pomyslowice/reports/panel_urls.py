from django.urls import path

from . import panel_actions, panel_views

urlpatterns = [
    path("", panel_views.panel, name="panel"),
    path(
        "rezerwacje-sal/<int:pk>/zatwierdz/",
        panel_actions.booking_approve,
        name="panel-booking-approve",
    ),
    path(
        "sprzet/<int:pk>/wydaj/",
        panel_actions.equipment_check_out,
        name="panel-equipment-check-out",
    ),
    path("godziny/<int:pk>/zatwierdz/", panel_actions.hours_approve, name="panel-hours-approve"),
]
