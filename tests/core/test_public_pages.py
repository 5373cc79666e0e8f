"""Accessibility statement and privacy policy: reachable in both languages, complete, honest."""

import pytest
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage

from pomyslowice.core.accessibility import check_statement
from tests.conftest import PASSWORD

from .html import read

ACCESSIBILITY = "/deklaracja-dostepnosci/"
PRIVACY = "/polityka-prywatnosci/"

ACCESSIBILITY_SECTIONS = {
    "status": "Compliance status",
    "not-accessible": "Content that is not accessible",
    "preparation": "Preparation of this statement",
    "features": "Keyboard use and accessibility features",
    "contact": "Feedback and contact",
    "requests": "Requests and complaints",
    "building": "Architectural accessibility",
    "mobile-apps": "Mobile applications",
}
PRIVACY_SECTIONS = {
    "controller": "Who is the controller of your data",
    "contact": "Contact about data protection",
    "purposes": "What data we process and why",
    "cookies": "Cookies",
    "recipients": "Who receives the data",
    "rights": "Your rights",
    "automated-decisions": "Automated decisions",
    "minors": "Minors",
    "security": "Security",
}
PRIVACY_PROCESSING = [
    "User accounts",
    "Organisation profiles and their representatives",
    "Profiles of activists and local leaders",
    "Contact form",
    "API tokens",
    "Audit log",
    "Server logs",
]


@pytest.mark.parametrize(
    "url, template",
    [
        (ACCESSIBILITY, "core/accessibility.html"),
        (f"/en{ACCESSIBILITY}", "core/accessibility.html"),
        (PRIVACY, "privacy/policy.html"),
        (f"/en{PRIVACY}", "privacy/policy.html"),
    ],
)
def test_page_is_public_in_both_languages(client, db, url, template):
    response = client.get(url)

    assert response.status_code == 200
    assert template in [t.name for t in response.templates]


@pytest.mark.parametrize("persona", ["anonymous", "resident", "representative", "volunteer_minor"])
@pytest.mark.parametrize("url", [ACCESSIBILITY, PRIVACY])
def test_pages_render_for_signed_in_people_too(client_for, persona, url):
    assert client_for(persona).get(url).status_code == 200


@pytest.mark.parametrize(
    "url, sections",
    [(ACCESSIBILITY, ACCESSIBILITY_SECTIONS), (PRIVACY, PRIVACY_SECTIONS)],
)
def test_english_version_has_every_required_section(client, db, url, sections):
    page = read(client.get(f"/en{url}").content)

    section_ids = {attrs.get("id") for attrs in page.all("section")}
    assert set(sections) <= section_ids
    assert set(sections.values()) <= set(page.heading_texts(2))


@pytest.mark.parametrize(
    "url, sections",
    [(ACCESSIBILITY, ACCESSIBILITY_SECTIONS), (PRIVACY, PRIVACY_SECTIONS)],
)
def test_polish_version_has_every_required_section(client, db, url, sections):
    page = read(client.get(url).content)

    section_ids = {attrs.get("id") for attrs in page.all("section")}
    assert set(sections) <= section_ids
    assert len(page.heading_texts(2)) >= len(sections)


def test_accessibility_statement_names_the_centre_the_site_and_the_dates(client, db):
    response = client.get(f"/en{ACCESSIBILITY}")
    html = response.content.decode()

    assert settings.CENTRE_NAME in html
    assert "http://testserver/en/" in html
    assert html.count('<time datetime="2026-11-27">Nov. 27, 2026</time>') == 4
    assert "WCAG" in html and "2.1" in html


def test_accessibility_statement_explains_the_request_procedure(client, db):
    html = client.get(f"/en{ACCESSIBILITY}").content.decode()

    assert "7 days" in html
    assert "2 months" in html
    assert "Rzecznik Praw Obywatelskich" in html
    assert "Koordynator ośrodka" in html
    assert 'href="mailto:dostepnosc@pomyslowice.pl"' in html
    assert "Polish sign language" in html


STATEMENT = {
    "published": "2027-01-15",
    "updated": "2027-03-01",
    "prepared": "2027-01-10",
    "reviewed": "2027-03-02",
    "status": "full",
    "contact_name": "Anna Nowak",
    "email": "koordynator@osrodek.example.org",
    "phone": "+48 32 222 33 44",
}


def test_the_statement_is_made_of_the_centres_settings(client, db, settings):
    settings.ACCESSIBILITY_STATEMENT = STATEMENT
    html = client.get(f"/en{ACCESSIBILITY}").content.decode()
    assert 'href="mailto:koordynator@osrodek.example.org"' in html
    assert "dostepnosc@pomyslowice.pl" not in html
    assert "Anna Nowak" in html and 'href="tel:+48322223344"' in html
    assert "is fully compliant" in html and "partially" not in html
    for day, shown in (("2027-01-15", "Jan. 15, 2027"), ("2027-03-02", "March 2, 2027")):
        assert f'<time datetime="{day}">{shown}</time>' in html


@pytest.mark.parametrize(
    "change, problem",
    [
        ({"published": "15.01.2027"}, "'published'] must be a date"),
        ({"status": "mostly"}, "must be one of full, partial, none"),
        ({"email": ""}, "'email'] must be given"),
    ],
)
def test_a_wrong_statement_setting_stops_the_site_at_its_checks(settings, change, problem):
    settings.ACCESSIBILITY_STATEMENT = {**STATEMENT, **change}
    errors = check_statement(None)
    assert [problem in error.msg for error in errors] == [True]


def test_privacy_contact_address_comes_from_the_setting(client, db, settings):
    settings.PRIVACY_EMAIL = "iod@osrodek.example.org"
    html = client.get(f"/en{PRIVACY}").content.decode()

    assert 'href="mailto:iod@osrodek.example.org"' in html
    assert "prywatnosc@pomyslowice.pl" not in html


def test_privacy_policy_describes_each_processing_activity(client, db):
    response = client.get(f"/en{PRIVACY}")
    page = read(response.content)
    html = response.content.decode()

    assert page.heading_texts(3) == PRIVACY_PROCESSING
    assert settings.CENTRE_NAME in html
    for basis in ["Art. 6(1)(a)", "Art. 6(1)(b)", "Art. 6(1)(c)", "Art. 6(1)(e)", "Art. 6(1)(f)"]:
        assert basis in html
    assert "Prezes Urzędu Ochrony Danych Osobowych" in html
    assert 'href="mailto:prywatnosc@pomyslowice.pl"' in html


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_privacy_policy_links_to_account_deletion_in_the_same_language(client, db, prefix):
    page = read(client.get(f"{prefix}{PRIVACY}").content)

    hrefs = [attrs.get("href") for attrs in page.all("a")]
    assert f"{prefix}/konto/usun/" in hrefs
    assert f"{prefix}/konto/" in hrefs


def _cookie_table_names(html: str) -> set[str]:
    start = html.index("<table", html.index('id="cookies"'))
    table = html[start : html.index("</table>", start)]
    return {chunk.split("</code>")[0] for chunk in table.split("<code>")[1:]}


def test_cookie_table_lists_the_names_the_site_really_uses(client, db):
    names = _cookie_table_names(client.get(f"/en{PRIVACY}").content.decode())

    assert names == {
        settings.SESSION_COOKIE_NAME,
        settings.CSRF_COOKIE_NAME,
        settings.LANGUAGE_COOKIE_NAME,
        CookieStorage.cookie_name,
    }


def test_every_cookie_set_while_browsing_and_logging_in_is_documented(client, users):
    documented = _cookie_table_names(client.get(f"/en{PRIVACY}").content.decode())

    client.get(ACCESSIBILITY)
    client.post("/i18n/setlang/", {"language": "en", "next": PRIVACY})
    response = client.post(
        "/konto/login/", {"login": users["resident"].email, "password": PASSWORD}
    )

    assert response.status_code == 302, "the persona should log in"
    assert set(client.cookies) >= {
        settings.SESSION_COOKIE_NAME,
        settings.CSRF_COOKIE_NAME,
        settings.LANGUAGE_COOKIE_NAME,
    }
    assert set(client.cookies) <= documented
