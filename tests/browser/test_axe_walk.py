"""axe-core (WCAG 2.1 A/AA) on every HTML page of the site, filled with the demo data.

The routes and how to fill their parameters come from the permission matrix (tests/security),
so a new page is walked as soon as it has an entry there. Each page is opened once, as the first
persona of WALKED_PERSONAS that the matrix lets see it (200); the personal pages are opened as
each of PERSONAL_VIEWERS, because their content depends on who looks. Files (CSV, PDF, iCalendar,
feeds, JSON) are left out by their content type.
Violations are collected over the whole walk and reported together: one run shows everything.
"""

from io import StringIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.apps import apps
from django.core.management import call_command
from playwright.sync_api import Error as PlaywrightError

from pomyslowice.accounts.tokens import create_api_token
from pomyslowice.core.reference_data import load_reference_data
from tests.security import permission_matrix as matrix
from tests.security.conftest import World, _personas, find_samples
from tests.security.test_permission_matrix import API_KEYS, ROUTES, url_of

from .support import WCAG_AA_TAGS, log_in

# In this order: a page is checked as the first of them who may see it.
WALKED_PERSONAS = (
    "anonymous",
    "resident",
    "representative",
    "volunteer",
    "volunteer_minor",
    "coordinator",
    "ngo_caretaker",
    "volunteer_caretaker",
    "analyst",
    "technical_admin",
)
# Pages whose content is the viewer's own: checked as each of these personas.
PER_PERSONA_ROUTES = ("mine", "accounts:profile", "volunteering:profile", "centre:booking-mine")
PERSONAL_VIEWERS = ("resident", "representative", "volunteer", "volunteer_minor", "coordinator")

# Routes that are not walked, each with the reason. The test fails for a route that is neither
# walked nor listed here, so a new page cannot be left out silently.
NOT_WALKED = {
    "set_language": "POST-only language switch; GET redirects",
    "events:current-month": "redirects to events:month, which is walked",
    "account_confirm_reauthentication_code": "needs a code e-mailed during reauthentication",
    "account_set_password": "demo users have a password; the page redirects",
    "account_confirm_login_code": "needs a login code requested by e-mail",
    "centre:booking-series": "the demo has no booking series",
    "centre:consulting-reschedule": "redirects to the booking page of the service",
    "centre:consulting-book": "redirects (booking starts from the service page)",
    "knowledge:report": "no demo article has an open report",
    "knowledge:attachment": "the demo articles have no attachments",
    "volunteering:guardian_consent_file": "the demo has no uploaded guardian consent",
    "volunteering:certificate_pdf": "PDF, and the demo certificate is not issued yet",
    "people:consent": "capability link; the demo token is unknown (400 page)",
    "events:feedback": "capability link; the demo token is unknown (400 page)",
    "events:registration-confirm": "capability link; the demo token is unknown (400 page)",
    "events:registration-manage": "capability link; the demo token is unknown (400 page)",
    "centre:consulting-confirm": "capability link; the demo token is unknown (400 page)",
    "centre:consulting-manage": "capability link; the demo token is unknown (400 page)",
    "centre:consulting-manage-cancel": "POST-only capability link",
    "centre:consulting-manage-reschedule": "capability link; the demo token is unknown (400 page)",
    "api-v1:api-root": "the API root is a 404",
    "^api/": "unnamed catch-all of the API: a JSON 404",
}

# Pages we ship but do not write, with the rules their own markup breaks: Swagger UI's colours
# and its buttons inside buttons, and the Django admin's breadcrumbs (links told apart by colour
# only; the admin is for staff). Any other rule on them still fails the walk.
THIRD_PARTY_FAILURES = {
    "api-v1:openapi-view": {"color-contrast", "nested-interactive"},
    "admin:core_areaofbenefit_changelist": {"link-in-text-block"},
}

_axe = Axe()


@pytest.fixture
def live(transactional_db, live_server):
    return live_server


def _first_viewer(entry) -> str | None:
    return next((p for p in WALKED_PERSONAS if entry.get.get(p) == 200), None)


def _plan() -> tuple[dict[str, list[str]], dict[str, str]]:
    """Persona → routes to open as them, and route → why it is not opened."""
    visits: dict[str, list[str]] = {persona: [] for persona in WALKED_PERSONAS}
    skipped = dict(NOT_WALKED)
    for key in ROUTES:
        if key in API_KEYS:
            skipped.setdefault(key, "API operation (JSON)")
            continue
        entry = matrix.MATRIX.get(key)
        viewer = entry and _first_viewer(entry)
        if key in NOT_WALKED:
            continue
        if viewer is None:
            skipped[key] = "no persona gets a page (POST-only action or redirect)"
            continue
        viewers = [viewer]
        if key in PER_PERSONA_ROUTES:
            viewers = [p for p in PERSONAL_VIEWERS if entry.get[p] == 200]
        for persona in viewers:
            visits[persona].append(key)
    return visits, skipped


def test_every_route_is_walked_or_listed_with_a_reason():
    visits, skipped = _plan()
    walked = {key for keys in visits.values() for key in keys}
    assert set(ROUTES) == walked | set(skipped)
    assert not set(NOT_WALKED) - set(ROUTES), "NOT_WALKED lists routes that are gone"


def _axe_rules(page) -> list[tuple[str, str]]:
    # Only violations are reported: passes and incomplete checks would triple the result size.
    options = {"runOnly": {"type": "tag", "values": WCAG_AA_TAGS}, "resultTypes": ["violations"]}
    results = _axe.run(page, options=options)
    return [
        (
            violation["id"],
            f"{violation['id']} ({len(violation['nodes'])} nodes: "
            f"{violation['nodes'][0]['html'][:160]} — {violation['help']})",
        )
        for violation in results.response["violations"]
    ]


def _walk(page, live, world, persona: str, keys: list[str], report: list[str], other: list[str]):
    page.context.clear_cookies()
    if world.users[persona] is not None:
        log_in(page, live, world.users[persona])
    for key in keys:
        url = url_of(world, ROUTES[key])
        try:
            response = page.goto(url)
        except PlaywrightError as error:
            # A file sent as an attachment (CSV, PDF) starts a download instead of a page.
            if "Download is starting" in error.message:
                continue
            raise
        content_type = response.headers.get("content-type", "")
        if response.status != 200:
            other.append(f"{key} as {persona}: {url} answered {response.status}")
            continue
        if not content_type.startswith("text/html"):
            continue
        for rule_id, rule in _axe_rules(page):
            if rule_id not in THIRD_PARTY_FAILURES.get(key, ()):
                report.append(f"{url} ({persona}): {rule}")


def test_axe_on_every_page_of_the_demo(live, page, settings):
    # An earlier transactional test emptied the tables the migrations filled.
    load_reference_data(apps)
    call_command("seed_demo", stdout=StringIO())
    users = _personas()
    create_api_token(user=users["resident"], name="axe")
    world = World(users=users, api_tokens={}, samples=find_samples(users))
    visits, _skipped = _plan()
    report: list[str] = []
    other: list[str] = []

    for persona, keys in visits.items():
        _walk(page, live, world, persona, keys, report, other)

    assert not other, "pages that did not open:\n" + "\n".join(other)
    assert not report, f"{len(report)} axe violations:\n" + "\n".join(report)
