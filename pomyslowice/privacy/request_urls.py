from django.urls import path

from . import request_views as views

urlpatterns = [
    path("panel/rodo/", views.request_list, name="requests"),
    path("panel/rodo/nowy/", views.request_new, name="request-new"),
    path("panel/rodo/<int:pk>/", views.request_detail, name="request-detail"),
    path("panel/rodo/<int:pk>/pobierz/", views.request_download, name="request-download"),
    path("panel/rodo/<int:pk>/usun-dane/", views.request_erase, name="request-erase"),
    path("panel/rodo/<int:pk>/zamknij/", views.request_close, name="request-close"),
]
