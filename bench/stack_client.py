"""What the HTTP benchmarks share: the running stack, its example objects, sessions and tokens.

The stack (scripts/stack.sh) writes $STACK_DIR/stack.env; this module reads it, checks that the
stack answers, sets up Django in this process with the same environment (so example objects,
users and tokens come straight from the stack's database) and logs people in over real HTTP.
"""

import datetime
import http.cookiejar
import json
import os
import re
import secrets
import shlex
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO_PASSWORD = "demo1234!"  # published with the demo (pomyslowice/organizations/demo_data.py)
VOLUNTEER = "wolontariuszka@demo.pomyslowice.pl"
COORDINATOR = "koordynator@demo.pomyslowice.pl"
TIMEOUT = 120


@dataclass(frozen=True)
class Stack:
    directory: Path
    env: dict[str, str]

    @property
    def url(self) -> str:
        return self.env["STACK_URL"].rstrip("/")

    @property
    def app_urls(self) -> list[str]:
        return [url.rstrip("/") for url in self.env["APP_URLS"].split()]

    @property
    def scale(self) -> str:
        return self.env.get("STACK_SCALE", "?")


def load_stack() -> Stack:
    """The running stack described by $STACK_DIR/stack.env; exits with a message otherwise."""
    directory = Path(os.environ.get("STACK_DIR", ROOT / "var" / "stack"))
    env_file = directory / "stack.env"
    if not env_file.exists():
        sys.exit(f"{env_file} not found: start the stack with `bash scripts/stack.sh start`.")
    stack = Stack(directory=directory, env=_parse_env(env_file.read_text()))
    status, _body = get(f"{stack.url}/healthz")
    if status != 200:
        sys.exit(f"The stack at {stack.url} does not answer /healthz (status {status}).")
    return stack


def _parse_env(text: str) -> dict[str, str]:
    """KEY=value lines as a shell `source` reads them (quotes allowed, comments skipped)."""
    env = {}
    for line in text.splitlines():
        words = shlex.split(line, comments=True)
        if words and "=" in words[0]:
            key, value = words[0].split("=", 1)
            env[key.removeprefix("export ").strip()] = value
    return env


def setup_django(stack: Stack, *, local_cache: bool = False) -> None:
    """Django in this process, on the stack's databases. local_cache leaves Redis out, so that
    counting a page's queries is not hidden by a page the stack has cached."""
    env = dict(stack.env)
    if local_cache:
        env.pop("REDIS_URL", None)
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pomyslowice.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


# --- HTTP ---------------------------------------------------------------------------------------


def get(url: str, *, headers: dict | None = None) -> tuple[int, bytes]:
    """Status and body of a GET; a refused connection is status 0."""
    request = urllib.request.Request(url, headers=headers or {})
    return _send(request)


def post_json(url: str, payload: dict, *, token: str, timeout: float = TIMEOUT):
    """Status and decoded JSON body (or None) of an API POST with a bearer token."""
    request = urllib.request.Request(
        url,
        data=json.dumps(payload).encode(),
        method="POST",
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
    )
    status, body = _send(request, timeout=timeout)
    try:
        return status, json.loads(body)
    except ValueError:
        return status, None


def _send(request, *, timeout: float = TIMEOUT, opener=None) -> tuple[int, bytes]:
    try:
        with (opener or urllib.request.build_opener()).open(request, timeout=timeout) as reply:
            return reply.status, reply.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except (OSError, urllib.error.URLError):
        return 0, b""


def log_in(base_url: str, email: str, password: str = DEMO_PASSWORD) -> str:
    """A Cookie header of a session logged in through the real forms, with the two-step code
    when the account asks for one. Exits if the log-in fails."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    landed = _post_form(opener, f"{base_url}/konto/login/", {"login": email, "password": password})
    if "/2fa/" in landed:
        from pomyslowice.demo.totp import current_code

        # A code is accepted once; the next period's code is valid too (MFA_TOTP_TOLERANCE).
        now = datetime.datetime.now().timestamp()
        for moment in (now, now + 30):
            landed = _post_form(opener, landed, {"code": current_code(moment)})
            if "/2fa/" not in landed:
                break
    if "/login/" in landed or "/2fa/" in landed:
        sys.exit(f"Could not log in as {email} at {base_url} (ended at {landed}).")
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)


def _post_form(opener, url: str, fields: dict) -> str:
    """Fetch the form at url, submit it with its CSRF token; the address the answer came from."""
    with opener.open(url, timeout=TIMEOUT) as page:
        html = page.read().decode()
        url = page.geturl()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}).encode()
    request = urllib.request.Request(url, data=data, headers={"Referer": url})
    try:
        with opener.open(request, timeout=TIMEOUT) as answer:
            return answer.geturl()
    except urllib.error.HTTPError as error:
        return f"{error.url} (status {error.code})"


# --- data in the stack's database (after setup_django) ------------------------------------------


def run_tag() -> str:
    """Unique per run, so objects from earlier runs never collide with this one's."""
    return datetime.datetime.now().strftime("%Y%m%d%H%M%S") + secrets.token_hex(2)


def users_with_tokens(tag: str, count: int, *, represent=None) -> list[tuple[object, str]]:
    """count fresh active users with a personal API token each, created in bulk; with
    represent (an organisation) each is also its active representative."""
    from allauth.account.models import EmailAddress

    from pomyslowice.accounts.models import ApiToken, User, hash_token
    from pomyslowice.accounts.tokens import HINT_LENGTH
    from pomyslowice.organizations.models import Membership

    User.objects.bulk_create(
        User(email=f"bench-{tag}-{number}@example.org", first_name=f"Bench {number}")
        for number in range(count)
    )
    users = list(User.objects.filter(email__startswith=f"bench-{tag}-").order_by("pk"))
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users
    )
    secrets_by_user = {user.pk: ApiToken.generate_secret() for user in users}
    ApiToken.objects.bulk_create(
        ApiToken(
            user=user,
            name="bench",
            key_hash=hash_token(secrets_by_user[user.pk]),
            hint=secrets_by_user[user.pk][:HINT_LENGTH],
        )
        for user in users
    )
    if represent is not None:
        Membership.objects.bulk_create(
            Membership(user=user, organization=represent, status=Membership.Status.ACTIVE)
            for user in users
        )
    return [(user, secrets_by_user[user.pk]) for user in users]


def busiest_organization():
    """The published organisation with most published events (the heaviest profile page)."""
    from django.db.models import Count

    from pomyslowice.events.models import Event
    from pomyslowice.organizations.models import Organization

    top = (
        Event.objects.published()
        .exclude(organizer=None)
        .values("organizer")
        .annotate(events=Count("pk"))
        .order_by("-events")
        .first()
    )
    published = Organization.objects.published()
    return published.filter(pk=top["organizer"]).first() if top else published.first()


def registration_event(tag: str, *, capacity: int):
    """A fresh published event taking registrations now, with `capacity` seats."""
    from django.utils import timezone

    from pomyslowice.events.models import Event

    start = timezone.now() + datetime.timedelta(days=30)
    return Event.objects.create(
        title=f"Benchmark {tag}",
        slug=f"benchmark-{tag}",
        description="Created by the benchmarks in bench/.",
        organizer=busiest_organization(),
        start=start,
        end=start + datetime.timedelta(hours=2),
        status=Event.Status.PUBLISHED,
        published_at=timezone.now(),
        registration_enabled=True,
        capacity=capacity,
    )


def free_slots(count: int, *, minutes: int, first_day_ahead: int) -> list[tuple[object, object]]:
    """count (room, start) pairs free for `minutes`, searching active rooms day by day from
    first_day_ahead days on; a slot another booking holds is skipped."""
    from django.conf import settings

    from pomyslowice.centre import room_services
    from pomyslowice.centre.calendar import local_datetime
    from pomyslowice.centre.models import Room, RoomBooking

    length = datetime.timedelta(minutes=minutes)
    today = datetime.date.today()
    found = []
    rooms = list(Room.objects.filter(is_active=True).prefetch_related("opening_hours"))
    for ahead in range(first_day_ahead, settings.ROOM_BOOKING_MAX_DAYS_AHEAD):
        day = today + datetime.timedelta(days=ahead)
        for room in rooms:
            hours = next((h for h in room.opening_hours.all() if h.weekday == day.weekday()), None)
            if hours is None:
                continue
            start, closes = local_datetime(day, hours.opens), local_datetime(day, hours.closes)
            taken = list(
                RoomBooking.objects.holding()
                .overlapping(start, closes)
                .filter(room=room)
                .values_list("start", "end")
            )
            while start + length <= closes and len(found) < count:
                end = start + length
                free = not any(s < end and start < e for s, e in taken)
                if free and not room_services.booking_problem(
                    room=room, start=start, end=end, expected_people=1
                ):
                    found.append((room, start))
                start = end
        if len(found) >= count:
            return found
    return found
