"""The shared layout (base.html): skip link, language, footer, no outside hosts."""

import itertools

import pytest
from django.utils import translation
from django.utils.translation import gettext

from .html import read, section

ACCESSIBILITY = "/deklaracja-dostepnosci/"
PRIVACY = "/polityka-prywatnosci/"
POLISH_PAGES = [ACCESSIBILITY, PRIVACY, "/ta-strona-nie-istnieje/"]
ENGLISH_PAGES = [f"/en{url}" for url in POLISH_PAGES]
UKRAINIAN_PAGES = [f"/uk{url}" for url in POLISH_PAGES]


def _page(client, url):
    response = client.get(url)
    assert response.status_code in {200, 404}, url
    return read(response.content)


@pytest.mark.parametrize("url", POLISH_PAGES + ENGLISH_PAGES + UKRAINIAN_PAGES)
def test_skip_link_is_first_and_targets_main(client, db, url):
    page = _page(client, url)

    first_link = page.all("a")[0]
    assert first_link["href"] == "#main"
    assert first_link["class"] == "skip-link"
    assert [attrs.get("id") for attrs in page.all("main")] == ["main"]


@pytest.mark.parametrize(
    "url, language",
    [(url, "pl") for url in POLISH_PAGES]
    + [(url, "en") for url in ENGLISH_PAGES]
    + [(url, "uk") for url in UKRAINIAN_PAGES],
)
def test_html_lang_matches_the_language_of_the_url(client, db, url, language):
    assert _page(client, url).all("html")[0]["lang"] == language


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_footer_links_to_accessibility_statement_and_privacy_policy(client, db, prefix):
    footer = read(section(client.get(f"{prefix}{PRIVACY}").content, "footer"))

    hrefs = [attrs["href"] for attrs in footer.all("a")]
    assert f"{prefix}{ACCESSIBILITY}" in hrefs
    assert f"{prefix}{PRIVACY}" in hrefs


@pytest.mark.parametrize("url", [ACCESSIBILITY, f"/en{PRIVACY}"])
def test_language_switcher_posts_to_set_language_with_the_current_page(client, db, url):
    page = _page(client, url)

    switcher = [f for f in page.all("form") if f.get("class") == "language-switcher"]
    expected_form = {"class": "language-switcher", "action": "/i18n/setlang/", "method": "post"}
    assert switcher == [expected_form]
    next_inputs = [i for i in page.all("input") if i.get("name") == "next"]
    assert next_inputs == [{"name": "next", "type": "hidden", "value": url}]
    options = [o["value"] for o in page.all("option")]
    assert options == ["pl", "en", "uk"]
    assert [s["id"] for s in page.all("select")] == ["language-select"]
    assert [label["for"] for label in page.all("label")].count("language-select") == 1


@pytest.mark.parametrize(
    "language, next_url, expected",
    [
        ("en", ACCESSIBILITY, f"/en{ACCESSIBILITY}"),
        ("en", PRIVACY, f"/en{PRIVACY}"),
        ("uk", ACCESSIBILITY, f"/uk{ACCESSIBILITY}"),
    ],
)
def test_switching_language_redirects_to_the_same_page_in_that_language(
    client, db, language, next_url, expected
):
    response = client.post("/i18n/setlang/", {"language": language, "next": next_url})

    assert response.status_code == 302
    assert response["Location"] == expected
    assert _page(client, expected).all("html")[0]["lang"] == language


def test_switching_from_an_english_page_to_polish_lands_on_the_polish_page(client, db):
    client.post("/i18n/setlang/", {"language": "en", "next": ACCESSIBILITY})

    response = client.post("/i18n/setlang/", {"language": "pl", "next": f"/en{ACCESSIBILITY}"})

    assert response["Location"] == ACCESSIBILITY


def test_current_language_is_preselected_in_the_switcher(client, db):
    page = _page(client, f"/en{ACCESSIBILITY}")

    selected = [o["value"] for o in page.all("option") if "selected" in o]
    assert selected == ["en"]


def _outside_resources(page) -> list[str]:
    references = [
        *(attrs.get("href", "") for attrs in page.all("link")),
        *(attrs.get("src", "") for attrs in page.all("script")),
        *(attrs.get("src", "") for attrs in page.all("img")),
        *(attrs.get("srcset", "") for attrs in page.all("img")),
        *(attrs.get("src", "") for attrs in page.all("iframe")),
    ]
    return [ref for ref in references if ref.startswith(("http://", "https://", "//"))]


@pytest.mark.parametrize("url", POLISH_PAGES + ENGLISH_PAGES)
def test_no_page_loads_anything_from_another_host(client, db, url):
    page = _page(client, url)

    assert page.all("link"), "the stylesheet should be referenced"
    assert _outside_resources(page) == []


@pytest.mark.parametrize("url", POLISH_PAGES + ENGLISH_PAGES)
def test_page_has_exactly_one_h1_and_headings_in_order(client, db, url):
    page = _page(client, url)

    levels = [level for level, _text in page.headings]
    assert levels.count(1) == 1
    assert levels[0] == 1
    assert all(later <= earlier + 1 for earlier, later in itertools.pairwise(levels))


@pytest.mark.parametrize("url", [ACCESSIBILITY, f"/en{PRIVACY}"])
def test_title_names_the_page_and_the_site(client, db, url, settings):
    html = client.get(url).content.decode()
    page = read(html)

    title = html[html.index("<title>") + 7 : html.index("</title>")]
    assert title == f"{page.heading_texts(1)[0]} \N{EN DASH} {settings.SITE_NAME}"


@pytest.mark.parametrize("language", ["pl", "uk"])
def test_the_layout_speaks_the_language_of_the_url(client, db, language):
    text = client.get(f"/{language}{ACCESSIBILITY}".replace("/pl/", "/")).content.decode()
    with translation.override(language):
        translated = [gettext(source) for source in ("Events", "Accessibility statement")]
    assert all(word in text for word in translated)
    assert translated != ["Events", "Accessibility statement"]


def test_the_switcher_names_every_language_in_that_language(client, db):
    text = client.get(ACCESSIBILITY).content.decode()
    assert all(name in text for name in ("Polski", "English", "Українська"))
