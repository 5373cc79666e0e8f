from django.urls import path

from . import access_log_views as views

urlpatterns = [
    path("panel/rodo/dziennik/", views.access_log_page, name="access-log"),
    path("panel/rodo/dziennik/csv/", views.access_log_csv, name="access-log-csv"),
]
