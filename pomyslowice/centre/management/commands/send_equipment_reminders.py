from django.core.management.base import BaseCommand

from pomyslowice.centre.equipment_services import send_overdue_reminders


class Command(BaseCommand):
    help = (
        "E-mail borrowers of equipment not returned after the end of their reservation, and "
        "send staff the list. Meant to run daily from cron; each overdue reservation is "
        "reminded at most once a day."
    )

    def handle(self, *args, **options):
        sent = send_overdue_reminders()
        self.stdout.write(f"Equipment reminders sent: {sent}")
