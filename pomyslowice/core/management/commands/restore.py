import sys
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django.utils.translation import gettext as _

from pomyslowice.core.backup import (
    BackupError,
    Manifest,
    RestoreResult,
    restore_backup,
    verified_archive,
)


class Command(BaseCommand):
    help = (
        "Replace the database and all uploaded files with those of a backup archive, after "
        "checking every checksum. Stop the web server and the worker first; see docs/backup.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="a pomyslowice-backup-….tar.gz file")
        parser.add_argument("--yes", action="store_true", help="restore without asking")

    def handle(self, *args, archive: Path, yes: bool, **options):
        try:
            with verified_archive(archive) as verified:
                if not yes:
                    self.confirm(verified.manifest)
                result = restore_backup(verified)
        except BackupError as error:
            raise CommandError(str(error)) from error
        search_rebuilt = self.rebuild_search_index_if_empty()
        self.summarise(result, search_rebuilt=search_rebuilt)

    def confirm(self, manifest: Manifest) -> None:
        if not sys.stdin.isatty():
            raise CommandError(
                _(
                    "A restore replaces the whole database and all uploaded files. Nothing was "
                    "changed; run the command again with --yes to confirm."
                )
            )
        self.stdout.write(
            _(
                "This replaces the database and all uploaded files with the backup made "
                "%(created)s. Everything changed since then will be lost."
            )
            % {"created": self.local_time(manifest)}
        )
        answer = input(_("Type “yes” to continue: ")).strip().lower()
        if answer not in {"yes", _("yes")}:
            raise CommandError(_("Restore cancelled; nothing was changed."))

    def rebuild_search_index_if_empty(self) -> bool:
        # The index is part of the database and normally comes back with it; an archive made
        # before anything was indexed would leave search empty.
        if apps.get_model("search", "SearchDocument").objects.exists():
            return False
        call_command("rebuild_search_index", stdout=self.stdout)
        return True

    def summarise(self, result: RestoreResult, *, search_rebuilt: bool) -> None:
        manifest = result.manifest
        self.stdout.write(
            _(
                "Restored the backup made %(created)s: %(vendor)s database, "
                "%(files)d uploaded files."
            )
            % {
                "created": self.local_time(manifest),
                "vendor": manifest.vendor,
                "files": len(manifest.uploaded_files()),
            }
        )
        for report in result.hook_reports:
            self.stdout.write(report)
        if search_rebuilt:
            self.stdout.write(_("The search index was empty and has been rebuilt."))
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if pending:
            self.stdout.write(
                self.style.WARNING(
                    _(
                        "The restored database lacks %(count)d migrations of this version of "
                        "the application: run “manage.py migrate” before starting the site."
                    )
                    % {"count": len(pending)}
                )
            )

    @staticmethod
    def local_time(manifest: Manifest) -> str:
        return timezone.localtime(manifest.created_at).strftime("%Y-%m-%d %H:%M %Z")
