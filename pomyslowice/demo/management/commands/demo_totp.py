"""`python manage.py demo_totp`: the code the demo's staff accounts ask for at log-in right now."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from pomyslowice.accounts.models import User
from pomyslowice.demo import totp


class Command(BaseCommand):
    help = (
        "Prints the current two-step verification code of the demo staff accounts (demo only; "
        f"the secret {totp.DEMO_TOTP_SECRET} is published with the demo)."
    )

    def handle(self, *args, **options):
        try:
            has_demo_staff = User.objects.filter(email__in=totp.staff_personas()).exists()
        except DatabaseError:  # no tables yet
            has_demo_staff = False
        if not has_demo_staff:
            raise CommandError("There are no demo accounts here; run `manage.py seed_demo` first.")
        self.stdout.write(totp.current_code())
