"""A cached page that carries a form's CSRF token, for tests/core/test_page_cache.py."""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path

from pomyslowice.core.page_cache import cache_public_page

built = []


@cache_public_page("events")
def page_with_form(request):
    built.append(request.path)
    token = get_token(request)
    return HttpResponse(f'<form method="post"><input name="csrfmiddlewaretoken" value="{token}">')


@cache_public_page("events")
def page_without_form(request):
    built.append(request.path)
    return HttpResponse("<p>Kalendarz</p>")


urlpatterns = [
    path("z-formularzem/", page_with_form),
    path("bez-formularza/", page_without_form),
]
