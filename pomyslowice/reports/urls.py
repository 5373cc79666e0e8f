from django.urls import include, path

from . import budget_urls, export_urls, indicator_urls, panel_urls

app_name = "reports"

urlpatterns = [
    path("", include(panel_urls)),
    path("wskazniki/", include(indicator_urls)),
    path("budzet/", include(budget_urls)),
    path("eksport/", include(export_urls)),
]
