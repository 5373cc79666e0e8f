from django.urls import path

from . import room_views as views

# Bookings live under rezerwacje/, so only that word is unavailable as a room's slug.
urlpatterns = [
    path("", views.room_list, name="room-list"),
    path("rezerwacje/", views.my_bookings, name="booking-mine"),
    path("rezerwacje/do-zatwierdzenia/", views.booking_queue, name="booking-queue"),
    path("rezerwacje/wszystkie/", views.booking_all, name="booking-all"),
    path("rezerwacje/<int:pk>/", views.booking_detail, name="booking-detail"),
    path("rezerwacje/<int:pk>/anuluj/", views.booking_cancel, name="booking-cancel"),
    path("rezerwacje/<int:pk>/zatwierdz/", views.booking_approve, name="booking-approve"),
    path("rezerwacje/<int:pk>/odrzuc/", views.booking_reject, name="booking-reject"),
    path("rezerwacje/serie/<int:pk>/", views.booking_series, name="booking-series"),
    path("<slug:slug>/", views.room_detail, name="room-detail"),
    path("<slug:slug>/rezerwuj/", views.booking_request, name="booking-request"),
]
