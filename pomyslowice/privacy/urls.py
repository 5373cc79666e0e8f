"""All of the privacy app's pages under one "privacy" namespace: Django reverses a namespace in
only one include, so the modules' patterns are joined here and mounted once, before allauth's
`konto/` and the staff panel's `panel/`."""

from . import access_log_urls, account_urls, consent_urls, request_urls

app_name = "privacy"

urlpatterns = [
    *consent_urls.urlpatterns,
    *account_urls.urlpatterns,
    # panel/rodo/dziennik/ before the requests' panel/rodo/<pk>/ patterns.
    *access_log_urls.urlpatterns,
    *request_urls.urlpatterns,
]
