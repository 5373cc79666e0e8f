"""`python manage.py seed_demo`: creates or refreshes the demo data for Mysłowice.

Each domain app seeds its own part (`<app>/demo.py`); this command, above all of them, runs
them in order in one transaction and prints the demo logins.
"""

from io import StringIO

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from pomyslowice.centre import demo as centre_demo
from pomyslowice.core.audit import log_action
from pomyslowice.demo import totp as demo_totp
from pomyslowice.events import demo as events_demo
from pomyslowice.knowledge import demo as knowledge_demo
from pomyslowice.organizations import demo as organizations_demo
from pomyslowice.organizations import demo_data
from pomyslowice.reports import demo as reports_demo
from pomyslowice.surveys import demo as surveys_demo
from pomyslowice.volunteering import demo as volunteering_demo


class Command(BaseCommand):
    help = (
        "Creates or refreshes the Mysłowice demo data (idempotent). Demo accounts get the demo "
        "password back; the operator superuser is created once and then left alone."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            result = organizations_demo.seed()
            result["counts"].update(centre_demo.seed())
            result["counts"]["articles_created"] = knowledge_demo.seed(
                author=result["users"]["coordinator"]
            )
            result["counts"].update(
                events_demo.seed(
                    users=result["users"],
                    organizations=result["organizations"],
                    areas=result["areas"],
                    districts=result["districts"],
                )
            )
            result["counts"].update(
                volunteering_demo.seed(
                    users=result["users"],
                    organizations=result["organizations"],
                    areas=result["areas"],
                    districts=result["districts"],
                )
            )
            result["counts"].update(reports_demo.seed(users=result["users"]))
            result["counts"].update(surveys_demo.seed(users=result["users"]))
            result["counts"]["staff_enrolled_in_two_step_verification"] = (
                demo_totp.enrol_demo_staff(result["users"])
            )
            log_action(actor=None, verb="core.demo_data.seeded", data=result["counts"])
        # Relations set after an object's first save are indexed only by a full rebuild.
        call_command("rebuild_search_index", stdout=StringIO())
        self.print_summary(result)
        self.print_logins(result["operator_password"])

    def print_summary(self, result: dict) -> None:
        counts = result["counts"]
        self.stdout.write(self.style.SUCCESS("Demo data for Mysłowice is in place:"))
        for label, value in counts.items():
            self.stdout.write(f"  {label.replace('_', ' ')}: {value}")

    def print_logins(self, operator_password: str | None) -> None:
        rows = [
            (spec["label"], spec["email"], demo_data.DEMO_PASSWORD)
            for spec in demo_data.PERSONAS.values()
        ]
        rows.append(
            (
                "operator (superuser)",
                demo_data.OPERATOR_EMAIL,
                operator_password
                or "unchanged (set it with: manage.py changepassword admin@pomyslowice.local)",
            )
        )
        persona_width = max(len(row[0]) for row in rows) + 2
        email_width = max(len(row[1]) for row in rows) + 2
        self.stdout.write("")
        self.stdout.write("Demo logins:")
        self.stdout.write(f"  {'persona':<{persona_width}}{'e-mail':<{email_width}}password")
        for persona, email, password in rows:
            self.stdout.write(f"  {persona:<{persona_width}}{email:<{email_width}}{password}")
        self.stdout.write("")
        self.stdout.write(
            "Staff logins then ask for a code: add the demo secret "
            f"{demo_totp.DEMO_TOTP_SECRET} to an authenticator app, or run "
            "`python manage.py demo_totp`."
        )
