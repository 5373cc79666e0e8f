from django.core.management.base import BaseCommand

from pomyslowice.events.grant_services import send_deadline_reminders


class Command(BaseCommand):
    help = (
        "E-mail grant call deadline reminders (a week and a day before). Meant to run hourly "
        "from cron; a reminder already sent is never sent again."
    )

    def handle(self, *args, **options):
        sent = send_deadline_reminders()
        self.stdout.write(f"Grant call reminders sent: {sent}")
