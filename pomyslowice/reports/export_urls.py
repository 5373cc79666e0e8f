from django.urls import path

from . import export_views

urlpatterns = [
    path("", export_views.exports, name="exports"),
    path("raport/<slug:slug>/", export_views.funder_report, name="funder-report"),
    path(
        "raport/<slug:slug>/<str:kind>/",
        export_views.funder_report_file,
        name="funder-report-file",
    ),
]
