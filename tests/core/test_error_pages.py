"""The 400/403/404/500 pages: right status, helpful text, one h1, nothing from other hosts."""

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.utils import translation
from django.views import defaults

from .html import read
from .test_layout import _outside_resources


def _template_names(response) -> list[str]:
    return [template.name for template in response.templates]


def _single_h1(html) -> str:
    h1s = read(html).heading_texts(1)
    assert len(h1s) == 1
    return h1s[0]


@pytest.mark.parametrize("prefix, language", [("", "pl"), ("/en", "en")])
def test_unknown_address_gives_the_404_page(client, db, prefix, language):
    response = client.get(f"{prefix}/ta-strona-nie-istnieje/")

    assert response.status_code == 404
    assert "404.html" in _template_names(response)
    page = read(response.content)
    assert page.all("html")[0]["lang"] == language
    _single_h1(response.content)
    hrefs = [attrs.get("href") for attrs in page.all("a")]
    assert f"{prefix}/" in hrefs
    assert f"{prefix}/organizacje/" in hrefs


def test_404_page_offers_a_search_form(client, db):
    page = read(client.get("/ta-strona-nie-istnieje/").content)

    search = [f for f in page.all("form") if f.get("role") == "search"]
    assert search == [{"method": "get", "action": "/organizacje/", "role": "search"}]
    assert {"type": "search", "id": "not-found-search", "name": "q"} in page.all("input")
    assert {"for": "not-found-search"} in page.all("label")


def test_404_page_has_its_own_heading_and_title_in_english(client, db, settings):
    response = client.get("/en/ta-strona-nie-istnieje/")

    assert _single_h1(response.content) == "Page not found"
    title = f"<title>Page not found \N{EN DASH} {settings.SITE_NAME}</title>"
    assert title in response.content.decode()


@pytest.mark.urls("tests.core.error_urls")
def test_403_page_invites_anonymous_visitors_to_log_in(client, db):
    response = client.get("/test-errors/403/")

    assert response.status_code == 403
    assert "403.html" in _template_names(response)
    assert _single_h1(response.content) == "Brak dostępu"
    hrefs = [attrs.get("href") for attrs in read(response.content).all("a")]
    assert "/konto/login/?next=/test-errors/403/" in hrefs


@pytest.mark.urls("tests.core.error_urls")
def test_403_page_tells_a_signed_in_person_whom_to_ask(client_for):
    response = client_for("resident").get("/test-errors/403/")

    assert response.status_code == 403
    html = response.content.decode()
    assert "skontaktuj się" in html
    assert "/konto/login/" not in html


@pytest.mark.urls("tests.core.error_urls")
@pytest.mark.parametrize(
    "url, status, template, heading",
    [
        ("/test-errors/500/", 500, "500.html", "Coś poszło nie tak po naszej stronie"),
        ("/test-errors/400/", 400, "400.html", "Nie udało się odczytać żądania"),
    ],
)
def test_server_and_bad_request_errors_render_their_standalone_pages(
    db, url, status, template, heading
):
    client = Client(raise_request_exception=False)

    response = client.get(url)

    assert response.status_code == status
    assert template in _template_names(response)
    assert "base.html" not in _template_names(response)
    assert _single_h1(response.content) == heading
    assert _outside_resources(read(response.content)) == []


@pytest.mark.urls("tests.core.error_urls")
def test_500_page_follows_the_visitors_language(db):
    client = Client(raise_request_exception=False)

    page = read(client.get("/en/test-errors/500/").content)

    assert page.all("html")[0]["lang"] == "en"
    # The home page, then the home page in each language (the page's language switcher).
    assert [attrs["href"] for attrs in page.all("a")] == ["/en/", "/", "/en/", "/uk/"]


@pytest.mark.urls("tests.core.no_urls")
@pytest.mark.parametrize("template", ["500.html", "400.html"])
def test_standalone_error_pages_need_no_context_and_no_urls(template):
    with translation.override("pl"):
        html = render_to_string(template)

    page = read(html)
    assert page.all("html")[0]["lang"] == "pl"
    assert len(page.heading_texts(1)) == 1
    assert [attrs["href"] for attrs in page.all("a")] == ["/", "/", "/en/", "/uk/"]
    assert not page.all("link")


def test_django_error_handlers_use_these_templates(db):
    request = RequestFactory().get("/")

    assert "Coś poszło nie tak" in defaults.server_error(request).content.decode()
    bad = defaults.bad_request(request, SuspiciousOperation())
    assert bad.status_code == 400
    assert "Nie udało się odczytać żądania" in bad.content.decode()


def test_permission_denied_handler_renders_with_the_layout(db, rf):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/")
    request.user = AnonymousUser()

    response = defaults.permission_denied(request, PermissionDenied())

    assert response.status_code == 403
    assert b'class="skip-link"' in response.content
