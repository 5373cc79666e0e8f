from django.urls import path

from . import equipment_views as views

urlpatterns = [
    path("", views.equipment_list, name="equipment-list"),
    path("rezerwuj/", views.equipment_reserve, name="equipment-reserve"),
    path("moje/", views.equipment_mine, name="equipment-mine"),
    path("wypozyczenia/", views.equipment_lending, name="equipment-lending"),
    path("rezerwacje/<int:pk>/", views.reservation_detail, name="equipment-reservation-detail"),
    path(
        "rezerwacje/<int:pk>/anuluj/",
        views.reservation_cancel,
        name="equipment-reservation-cancel",
    ),
    path(
        "rezerwacje/<int:pk>/wydaj/",
        views.reservation_check_out,
        name="equipment-reservation-check-out",
    ),
    path(
        "rezerwacje/<int:pk>/przyjmij/",
        views.reservation_return,
        name="equipment-reservation-return",
    ),
]
