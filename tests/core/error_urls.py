"""The site's URLs plus views that fail on purpose, to exercise the 400/403/500 handlers."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from pomyslowice.urls import urlpatterns as site_urlpatterns


def forbidden(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("a deliberate failure for the 500 page test")


def suspicious(request):
    raise SuspiciousOperation("a deliberate bad request for the 400 page test")


urlpatterns = [
    *site_urlpatterns,
    *i18n_patterns(
        path("test-errors/403/", forbidden),
        path("test-errors/500/", broken),
        path("test-errors/400/", suspicious),
        prefix_default_language=False,
    ),
]
