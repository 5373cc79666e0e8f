"""How pages look to people who zoom, use the keyboard or avoid motion: a visible focus indicator
(WCAG 2.4.7), text at 200 % (1.4.4), reflow at 320 CSS px (1.4.10) and reduced motion (2.3.3)."""

import pytest

from tests.events.test_registration_services import make_training

from .support import log_in


@pytest.fixture
def live(transactional_db, live_server):
    return live_server


# For each focusable, visible element: focus it from the keyboard's point of view and report how
# its focus shows. Chromium applies :focus-visible to a script's focus() once a key was pressed.
FOCUS_REPORT = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
    + '[tabindex]:not([tabindex="-1"])';
  const problems = [];
  for (const element of document.querySelectorAll(selector)) {
    if (element.disabled || !element.getClientRects().length) continue;
    element.focus();
    if (document.activeElement !== element) continue;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    if (!outline && !shadow) {
      problems.push(element.outerHTML.slice(0, 120));
    }
  }
  return problems;
}"""

OVERFLOW_REPORT = """() => {
  const problems = [];
  const root = document.documentElement;
  if (root.scrollWidth > window.innerWidth) {
    problems.push(`page scrolls sideways: ${root.scrollWidth} > ${window.innerWidth}`);
  }
  // Text cut off: a box in the header, navigation or main whose content is wider or taller than
  // the box while its overflow hides the rest.
  for (const element of document.querySelectorAll('header *, nav *, main *')) {
    const style = getComputedStyle(element);
    if (!element.getClientRects().length || element.closest('.visually-hidden, .skip-link')) {
      continue;
    }
    const hides = ['hidden', 'clip'].includes(style.overflowX)
      || ['hidden', 'clip'].includes(style.overflowY);
    const cut = element.scrollWidth > element.clientWidth + 1
      || element.scrollHeight > element.clientHeight + 1;
    if (hides && cut) problems.push(`clipped: ${element.outerHTML.slice(0, 100)}`);
  }
  return problems;
}"""

MOTION_REPORT = """() => {
  const seconds = value => Math.max(...value.split(',').map(part => {
    part = part.trim();
    return part.endsWith('ms') ? parseFloat(part) / 1000 : parseFloat(part);
  }));
  const problems = [];
  for (const element of document.querySelectorAll('*')) {
    const style = getComputedStyle(element);
    const transition = seconds(style.transitionDuration);
    const animation = style.animationName !== 'none' ? seconds(style.animationDuration) : 0;
    if (transition > 0.00001 || animation > 0.00001) {
      problems.push(`${element.tagName.toLowerCase()}.${element.className}: `
        + `${style.transitionDuration} / ${style.animationDuration}`);
    }
    if (style.scrollBehavior === 'smooth') problems.push(`${element.tagName} scrolls smoothly`);
  }
  return problems;
}"""


def test_every_focusable_element_shows_its_focus(live, page, users, organization):
    training = make_training(organizer=organization)
    pages = ["/", f"/wydarzenia/{training.slug}/zapisz/", "/konto/login/"]
    problems = []
    for path in pages:
        page.goto(path)
        page.keyboard.press("Tab")  # from here on, focus is keyboard focus (:focus-visible)
        problems += [f"{path}: {element}" for element in page.evaluate(FOCUS_REPORT)]
    log_in(page, live, users["coordinator"])
    for path in ["/panel/", "/osrodek/sale/"]:
        page.goto(path)
        page.keyboard.press("Tab")
        problems += [f"{path}: {element}" for element in page.evaluate(FOCUS_REPORT)]

    assert not problems, "focus not visible on:\n" + "\n".join(problems)


def test_text_at_200_percent_neither_scrolls_sideways_nor_is_cut_off(
    live, page, users, organization
):
    training = make_training(organizer=organization)
    page.set_viewport_size({"width": 1280, "height": 900})
    problems = []
    for path in [
        "/",
        "/organizacje/",
        "/wydarzenia/",
        f"/wydarzenia/{training.slug}/",
        f"/wydarzenia/{training.slug}/zapisz/",
        "/konto/signup/",
    ]:
        page.goto(path)
        # Style changes through the CSSOM are allowed by the Content-Security-Policy.
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        problems += [f"{path}: {problem}" for problem in page.evaluate(OVERFLOW_REPORT)]

    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", ["/", "/konto/signup/", "/wydarzenia/"])
def test_pages_reflow_at_320_css_pixels(live, page, path):
    page.set_viewport_size({"width": 320, "height": 640})

    page.goto(path)

    assert page.evaluate(OVERFLOW_REPORT) == []


def test_reduced_motion_stops_transitions_and_animations(live, page, users, organization):
    training = make_training(organizer=organization)
    page.emulate_media(reduced_motion="reduce")
    log_in(page, live, users["coordinator"])
    problems = []
    for path in ["/", f"/wydarzenia/{training.slug}/", "/panel/", "/osrodek/sale/"]:
        page.goto(path)
        problems += [f"{path}: {problem}" for problem in page.evaluate(MOTION_REPORT)]

    assert not problems, "\n".join(problems)
    assert page.evaluate("matchMedia('(prefers-reduced-motion: reduce)').matches")
