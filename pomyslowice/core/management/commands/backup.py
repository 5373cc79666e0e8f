from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from pomyslowice.core.backup import BackupError, create_backup, default_output_directory


class Command(BaseCommand):
    help = (
        "Write one archive (pomyslowice-backup-<UTC time>.tar.gz) holding the database, the "
        "uploaded files and a manifest with checksums. Run nightly; see docs/backup.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", type=Path, help="folder for the archive (default: VAR_DIR/backups)"
        )
        parser.add_argument(
            "--keep",
            type=int,
            metavar="N",
            help="afterwards delete all but the newest N archives in that folder",
        )

    def handle(self, *args, output: Path | None, keep: int | None, **options):
        if keep is not None and keep < 1:
            raise CommandError(_("--keep must be at least 1."))
        try:
            result = create_backup(output_dir=output or default_output_directory(), keep=keep)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _("Backup written: %(path)s (%(size)s, %(files)d uploaded files).")
            % {
                "path": result.path,
                "size": filesizeformat(result.size),
                "files": len(result.manifest.uploaded_files()),
            }
        )
        for path in result.removed:
            self.stdout.write(_("Removed an older backup: %(path)s") % {"path": path})
