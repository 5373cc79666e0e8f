"""Helpers for browser tests."""

from axe_playwright_python.sync_playwright import Axe

WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

_axe = Axe()


def assert_no_axe_violations(page) -> None:
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA_TAGS}})
    violations = results.response["violations"]
    assert not violations, f"axe-core on {page.url}:\n{results.generate_report()}"
