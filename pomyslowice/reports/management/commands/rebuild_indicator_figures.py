from django.core.management.base import BaseCommand, CommandError

from pomyslowice.reports.indicator_snapshots import recount
from pomyslowice.reports.models import Project


class Command(BaseCommand):
    help = (
        "Count the kept indicator figures (each project's whole period and calendar years) "
        "afresh, for every project or the one named."
    )

    def add_arguments(self, parser):
        parser.add_argument("--project", metavar="SLUG", help="only this project")

    def handle(self, *args, project=None, **options):
        projects = Project.objects.order_by("start", "pk")
        if project:
            projects = projects.filter(slug=project)
            if not projects.exists():
                raise CommandError(f"No project {project!r}.")
        for each in projects:
            recount(project=each)
            self.stdout.write(f"{each.slug}: {each.snapshots.count()} periods")
