from django.urls import path

from . import opendata_views as views

app_name = "opendata"

# Fixed names come before "<slug>…"; dataset slugs are Polish words and never clash with them.
urlpatterns = [
    path("", views.index, name="index"),
    path("catalog.json", views.catalog, name="catalog"),
    path("hsds.json", views.hsds, name="hsds"),
    path("<slug:slug>.csv", views.download, {"extension": "csv"}, name="download-csv"),
    path("<slug:slug>.json", views.download, {"extension": "json"}, name="download-json"),
    path("<slug:slug>/", views.dataset_detail, name="dataset"),
]
