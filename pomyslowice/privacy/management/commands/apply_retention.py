from django.core.management.base import BaseCommand

from pomyslowice.privacy.retention import apply_retention


class Command(BaseCommand):
    help = (
        "Apply the retention periods (settings.RETENTION): anonymise or delete personal data "
        "kept longer than needed, warn the owners of inactive accounts and erase those accounts "
        "when their time is up. Idempotent; meant to run daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count what would be removed; change nothing and send no e-mail.",
        )

    def handle(self, *args, dry_run=False, **options):
        for rule, count in apply_retention(dry_run=dry_run):
            self.stdout.write(f"{rule.label}: {count} records")
