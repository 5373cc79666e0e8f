from django.core.management.base import BaseCommand

from pomyslowice.centre.mail_services import send_pickup_reminders


class Command(BaseCommand):
    help = (
        "Remind organisations of mail waiting at the centre longer than "
        "MAIL_PICKUP_REMINDER_DAYS. Meant to run daily from cron; each organisation gets at "
        "most one reminder a week, listing everything that waits for it."
    )

    def handle(self, *args, **options):
        reminded = send_pickup_reminders()
        self.stdout.write(f"Organisations reminded of waiting mail: {reminded}")
