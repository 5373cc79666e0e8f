from django.core.management.base import BaseCommand

from pomyslowice.volunteering.matching import send_digests


class Command(BaseCommand):
    help = (
        "E-mail volunteers who asked for it the new offers matching their profile. Meant to run "
        "weekly (or daily) from cron; a volunteer gets at most one digest in six days."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="send even to volunteers who had a digest in the last six days",
        )

    def handle(self, *args, force=False, **options):
        counts = send_digests(force=force)
        self.stdout.write(
            f"Volunteer digests sent: {counts.sent}; nothing new: {counts.nothing_new}; "
            f"sent recently: {counts.sent_recently}"
        )
