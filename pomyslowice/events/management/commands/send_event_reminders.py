from django.core.management.base import BaseCommand

from pomyslowice.events.feedback_services import send_event_reminders


class Command(BaseCommand):
    help = (
        "E-mail confirmed participants of events starting tomorrow. Meant to run daily (or "
        "hourly) from cron; a reminder already sent is never sent again."
    )

    def handle(self, *args, **options):
        sent = send_event_reminders()
        self.stdout.write(f"Event reminders sent: {sent}")
