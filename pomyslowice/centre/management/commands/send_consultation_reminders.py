from django.core.management.base import BaseCommand

from pomyslowice.centre.consulting_services import send_reminders


class Command(BaseCommand):
    help = "E-mail a reminder to everyone with a consultation tomorrow (once per appointment)."

    def handle(self, *args, **options):
        count = send_reminders()
        self.stdout.write(f"Reminders sent: {count}")
