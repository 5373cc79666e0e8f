from django.core.management.base import BaseCommand, CommandError

from pomyslowice.search.index import rebuild
from pomyslowice.search.models import SearchDocument
from pomyslowice.search.registry import registered


class Command(BaseCommand):
    help = "Index every public object afresh (all kinds, or the kinds named)."

    def add_arguments(self, parser):
        parser.add_argument("kinds", nargs="*", metavar="kind")

    def handle(self, *args, kinds, **options):
        unknown = set(kinds) - set(registered())
        if unknown:
            raise CommandError(
                f"Unknown kinds: {', '.join(sorted(unknown))}. Known: {', '.join(registered())}."
            )
        total = rebuild(kinds or None)
        for kind in kinds or registered():
            count = SearchDocument.objects.filter(kind=kind).count()
            self.stdout.write(f"{kind}: {count}")
        self.stdout.write(f"Indexed {total} documents.")
