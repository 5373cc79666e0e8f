from django.core.management.base import BaseCommand

from pomyslowice.api.opendata import export_all, export_directory


class Command(BaseCommand):
    help = (
        "Write every open dataset (CSV and JSON), the HSDS document and catalog.json to "
        "VAR_DIR/opendata, replacing the previous files whole. Run nightly."
    )

    def handle(self, *args, **options):
        export_all(report=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"Open data written to {export_directory()}"))
