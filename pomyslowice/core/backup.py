"""Backups: one archive holding the database, the uploaded files and a manifest, and restoring it.

Archive layout (a gzipped tar, every member a regular file):

    database/database.sqlite3   SQLite: a consistent online copy made with the sqlite3 backup API
    database/database.pgdump    PostgreSQL: `pg_dump --format=custom`
    media/...                   the contents of settings.MEDIA_ROOT
    private/...                 the contents of settings.PRIVATE_MEDIA_ROOT
    manifest.json               format, creation time, database vendor, applied migrations and
                                every other member with its size and SHA-256 (written last)

A restore extracts into a staging folder and checks every name and checksum before it touches
anything, so a damaged or foreign archive changes nothing.
"""

import datetime
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess  # only pg_dump and pg_restore, without a shell  # nosec B404
import tarfile
import tempfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import connection, connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

from .audit import log_action

FORMAT = "pomyslowice-backup"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
DATABASE_MEMBERS = {
    "sqlite": "database/database.sqlite3",
    "postgresql": "database/database.pgdump",
}
ARCHIVE_NAME = re.compile(r"^pomyslowice-backup-\d{8}T\d{6}Z\.tar\.gz$")
CHUNK = 1024 * 1024
MANIFEST_MAX_BYTES = 64 * 1024 * 1024
SQLITE_TIMEOUT = 60
# Connection settings the PostgreSQL client tools read from the environment, so that nothing
# secret ever appears in a process list.
PG_ENVIRONMENT = {
    "HOST": "PGHOST",
    "PORT": "PGPORT",
    "USER": "PGUSER",
    "PASSWORD": "PGPASSWORD",  # a variable's name  # nosec B105
}
PG_OPTION_ENVIRONMENT = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
}


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message is translated, for the operator."""


def file_roots() -> dict[str, Path]:
    """Archive folder → the folder of uploads it holds."""
    return {"media": Path(settings.MEDIA_ROOT), "private": Path(settings.PRIVATE_MEDIA_ROOT)}


@dataclass(frozen=True)
class FileEntry:
    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    created_at: datetime.datetime
    vendor: str
    migrations: dict[str, list[str]]
    files: tuple[FileEntry, ...]

    @property
    def database_member(self) -> str:
        return DATABASE_MEMBERS[self.vendor]

    def uploaded_files(self) -> list[FileEntry]:
        return [entry for entry in self.files if entry.path != self.database_member]

    def as_json(self) -> dict:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created_at": self.created_at.isoformat(),
            "database": {"vendor": self.vendor, "path": self.database_member},
            "migrations": self.migrations,
            "files": [
                {"path": entry.path, "size": entry.size, "sha256": entry.sha256}
                for entry in self.files
            ],
        }

    @classmethod
    def from_json(cls, raw: bytes) -> "Manifest":
        try:
            data = json.loads(raw)
            if data.get("format") != FORMAT:
                raise BackupError(_("This is not a Pomysłowice backup archive."))
            if data.get("format_version") != FORMAT_VERSION:
                raise BackupError(
                    _("This archive has format version %(version)s, which is not supported.")
                    % {"version": data.get("format_version")}
                )
            manifest = cls(
                created_at=datetime.datetime.fromisoformat(data["created_at"]),
                vendor=str(data["database"]["vendor"]),
                migrations={
                    str(app): [str(name) for name in names]
                    for app, names in data["migrations"].items()
                },
                files=tuple(
                    FileEntry(path=str(f["path"]), size=int(f["size"]), sha256=str(f["sha256"]))
                    for f in data["files"]
                ),
            )
            if data["database"]["path"] != manifest.database_member:
                raise ValueError("database path does not match the vendor")
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise BackupError(
                _("The archive's manifest is damaged (%(error)s).") % {"error": error}
            ) from error
        return manifest


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    manifest: Manifest
    removed: list[Path]


@dataclass(frozen=True)
class VerifiedArchive:
    path: Path
    manifest: Manifest
    staging: Path


@dataclass(frozen=True)
class RestoreResult:
    manifest: Manifest
    hook_reports: list[str]


# ---------------------------------------------------------------------------------------------
# After-restore hooks


RestoreHook = Callable[[Manifest], Callable[[], str]]
_restore_hooks: list[RestoreHook] = []


def register_restore_hook(hook: RestoreHook) -> RestoreHook:
    """Register `hook(manifest)`, called before a restore replaces anything; it returns the
    function to call once the archive's database and files are in place, which returns one line
    for the operator's summary. Usable as a decorator.

    The two steps exist for the GDPR erasure log (issue 8 §2): erasures done after the archive
    was made must survive the restore. Its hook reads the erasures newer than
    `manifest.created_at` from the current database in the first step (the restore is about to
    overwrite that log too) and re-applies them to the restored data in the second. On a fresh
    installation the current database may still be empty, so the first step must cope with that.
    """
    _restore_hooks.append(hook)
    return hook


# ---------------------------------------------------------------------------------------------
# Backing up


def default_output_directory() -> Path:
    return Path(settings.VAR_DIR) / "backups"


def archive_name(created_at: datetime.datetime) -> str:
    stamp = created_at.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"pomyslowice-backup-{stamp}.tar.gz"


def create_backup(*, output_dir: Path, keep: int | None = None) -> BackupResult:
    """Write one archive into `output_dir`; with `keep`, delete all but the newest `keep`."""
    vendor = database_vendor()
    created_at = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    # The archives hold personal data: only the owner may read them.
    output_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    final = output_dir / archive_name(created_at)
    # Working files live beside the archive, so the final rename is atomic and a failed run
    # leaves nothing behind but what the temporary folder's cleanup removes.
    with tempfile.TemporaryDirectory(dir=output_dir, prefix=".backup-") as work:
        dump = Path(work) / PurePosixPath(DATABASE_MEMBERS[vendor]).name
        _DUMPERS[vendor](dump)
        partial = Path(work) / final.name
        manifest = _write_archive(partial, dump=dump, vendor=vendor, created_at=created_at)
        os.replace(partial, final)
    size = final.stat().st_size
    log_action(
        actor=None,
        verb="core.backup.created",
        data={"archive": final.name, "bytes": size, "files": len(manifest.uploaded_files())},
    )
    removed = remove_old_archives(output_dir, keep=keep) if keep else []
    return BackupResult(path=final, size=size, manifest=manifest, removed=removed)


def remove_old_archives(directory: Path, *, keep: int) -> list[Path]:
    """Delete this project's archives in `directory` except the newest `keep` (names sort by
    time); nothing else in the folder is touched."""
    archives = sorted(p for p in directory.iterdir() if ARCHIVE_NAME.match(p.name) and p.is_file())
    old = archives[: max(len(archives) - keep, 0)]
    for path in old:
        path.unlink()
    return old


def database_vendor() -> str:
    if connection.vendor not in DATABASE_MEMBERS:
        raise BackupError(
            _("Backups support SQLite and PostgreSQL, not %(vendor)s.")
            % {"vendor": connection.vendor}
        )
    return connection.vendor


def applied_migrations() -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        result.setdefault(app, []).append(name)
    return result


def _write_archive(
    path: Path, *, dump: Path, vendor: str, created_at: datetime.datetime
) -> Manifest:
    migrations = applied_migrations()
    with open(path, "wb") as raw:
        os.fchmod(raw.fileno(), 0o600)
        with tarfile.open(fileobj=raw, mode="w:gz") as tar:
            entries = [_add_file(tar, dump, DATABASE_MEMBERS[vendor], created_at)]
            for folder, root in file_roots().items():
                for file in _regular_files(root):
                    name = f"{folder}/{file.relative_to(root).as_posix()}"
                    entries.append(_add_file(tar, file, name, created_at))
            manifest = Manifest(
                created_at=created_at, vendor=vendor, migrations=migrations, files=tuple(entries)
            )
            data = json.dumps(manifest.as_json(), indent=2, ensure_ascii=False).encode()
            tar.addfile(_member_info(MANIFEST_NAME, len(data), created_at), io.BytesIO(data))
        raw.flush()
        os.fsync(raw.fileno())
    return manifest


def _regular_files(root: Path) -> Iterator[Path]:
    """Every regular file below `root` in a stable order; links are not followed."""
    if not root.is_dir():
        return
    for directory, folders, files in os.walk(root):
        folders.sort()
        for name in sorted(files):
            path = Path(directory) / name
            if path.is_file() and not path.is_symlink():
                yield path


def _member_info(name: str, size: int, created_at: datetime.datetime) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = int(created_at.timestamp())
    info.mode = 0o600
    return info


def _add_file(
    tar: tarfile.TarFile, path: Path, name: str, created_at: datetime.datetime
) -> FileEntry:
    with open(path, "rb") as file:
        size = os.fstat(file.fileno()).st_size
        reader = _HashingReader(file)
        # The checksum is taken from the very bytes written, even if the file changes meanwhile.
        tar.addfile(_member_info(name, size, created_at), reader)
    return FileEntry(path=name, size=size, sha256=reader.hexdigest())


class _HashingReader:
    def __init__(self, file):
        self._file = file
        self._hash = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self._file.read(size)
        self._hash.update(data)
        return data

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


def _sqlite_path() -> str:
    name = str(connection.settings_dict["NAME"])
    if name == ":memory:" or "mode=memory" in name:
        raise BackupError(_("An in-memory SQLite database cannot be backed up or restored."))
    return name


def _dump_sqlite(target: Path) -> None:
    with (
        closing(sqlite3.connect(_sqlite_path(), timeout=SQLITE_TIMEOUT)) as source,
        closing(sqlite3.connect(target)) as copy,
    ):
        # The backup API reads one consistent snapshot, even while the site writes (WAL).
        source.backup(copy)
        # One self-contained file in the archive, without a -wal beside it.
        copy.execute("PRAGMA journal_mode=DELETE")


def _dump_postgresql(target: Path) -> None:
    _run_pg_tool(
        "pg_dump",
        ["--format=custom", f"--file={target}", f"--dbname={connection.settings_dict['NAME']}"],
    )


def _pg_environment() -> dict[str, str]:
    db = connection.settings_dict
    env = dict(os.environ)
    env.update({var: str(db[key]) for key, var in PG_ENVIRONMENT.items() if db.get(key)})
    options = db.get("OPTIONS") or {}
    env.update(
        {var: str(options[key]) for key, var in PG_OPTION_ENVIRONMENT.items() if key in options}
    )
    return env


def _run_pg_tool(program: str, arguments: list[str]) -> None:
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(
            _(
                "%(program)s was not found. Install the PostgreSQL client programs "
                "(the same major version as the server or newer) and try again."
            )
            % {"program": program}
        )
    # The program comes from shutil.which and the arguments are a list: no shell is involved.
    completed = subprocess.run(  # nosec B603
        [executable, *arguments],
        env=_pg_environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise BackupError(
            _("%(program)s failed (exit code %(code)s): %(error)s")
            % {
                "program": program,
                "code": completed.returncode,
                "error": completed.stderr.strip()[-2000:],
            }
        )


_DUMPERS = {"sqlite": _dump_sqlite, "postgresql": _dump_postgresql}


# ---------------------------------------------------------------------------------------------
# Verifying and restoring


@contextmanager
def verified_archive(path: Path) -> Iterator[VerifiedArchive]:
    """Extract `path` into a staging folder, checking every member; refuse archives of another
    database vendor. Nothing outside the staging folder changes; it is removed on leaving."""
    if not path.is_file():
        raise BackupError(_("There is no file %(path)s.") % {"path": path})
    staging_parent = Path(settings.VAR_DIR)
    staging_parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=staging_parent, prefix=".restore-") as staging:
        manifest = _extract_verified(path, Path(staging))
        if manifest.vendor != database_vendor():
            raise BackupError(
                _(
                    "This archive holds a %(archive)s database, but this site runs on "
                    "%(current)s; it cannot be restored here."
                )
                % {"archive": manifest.vendor, "current": connection.vendor}
            )
        if manifest.vendor == "postgresql":
            _refuse_newer_schema(manifest)
        yield VerifiedArchive(path=path, manifest=manifest, staging=Path(staging))


def _refuse_newer_schema(manifest: Manifest) -> None:
    """pg_restore --clean drops and recreates only what the archive holds: tables of migrations
    newer than the archive would stay behind, unrecorded, and break the next `migrate`."""
    archived = {(app, name) for app, names in manifest.migrations.items() for name in names}
    newer = sorted(set(MigrationRecorder(connection).applied_migrations()) - archived)
    if newer:
        raise BackupError(
            _(
                "The database has %(count)d migrations the archive lacks (e.g. %(example)s). "
                "Restore into an empty database (drop and create it first) or with the version "
                "of the application that made the archive."
            )
            % {"count": len(newer), "example": ".".join(newer[0])}
        )


def restore_backup(archive: VerifiedArchive) -> RestoreResult:
    """Replace the database and the uploaded files with the archive's, then run the hooks."""
    manifest = archive.manifest
    finish_steps = [hook(manifest) for hook in _restore_hooks]
    with _replaced_file_roots(archive.staging):
        _RESTORERS[manifest.vendor](archive.staging / manifest.database_member)
    reports = [finish() for finish in finish_steps]
    log_action(
        actor=None,
        verb="core.backup.restored",
        data={
            "archive": archive.path.name,
            "created_at": manifest.created_at.isoformat(),
            "files": len(manifest.uploaded_files()),
        },
    )
    return RestoreResult(manifest=manifest, hook_reports=reports)


def _extract_verified(path: Path, staging: Path) -> Manifest:
    extracted: dict[str, FileEntry] = {}
    manifest_raw = None
    try:
        with gzip.open(path, "rb") as stream:
            with tarfile.open(fileobj=stream, mode="r|") as tar:
                for member in tar:
                    name = _checked_member_name(member)
                    if name in extracted or (name == MANIFEST_NAME and manifest_raw is not None):
                        raise BackupError(_("The archive holds %(name)s twice.") % {"name": name})
                    source = tar.extractfile(member)
                    if name == MANIFEST_NAME:
                        manifest_raw = source.read(MANIFEST_MAX_BYTES)
                    else:
                        extracted[name] = _extract_member(source, staging, name)
            # Reading to the very end makes gzip check the archive's CRC as well.
            while stream.read(CHUNK):
                pass
    except (tarfile.TarError, OSError, EOFError, zlib.error) as error:
        raise BackupError(
            _("%(path)s is not a readable backup archive (%(error)s).")
            % {"path": path, "error": error}
        ) from error
    if manifest_raw is None:
        raise BackupError(_("The archive has no manifest; it is not a Pomysłowice backup."))
    manifest = Manifest.from_json(manifest_raw)
    _compare_with_manifest(manifest, extracted)
    return manifest


def _checked_member_name(member: tarfile.TarInfo) -> str:
    """The member's name if it is a regular file at a safe, expected place; else refuse it."""
    if not member.isreg():
        raise BackupError(
            _("The archive member %(name)s is not a regular file; links are not allowed.")
            % {"name": member.name}
        )
    name = member.name
    parts = name.split("/")
    allowed = name == MANIFEST_NAME or (
        len(parts) >= 2
        and parts[0] in (*file_roots(), "database")
        and "\x00" not in name
        and all(part not in ("", ".", "..") for part in parts)
    )
    if not allowed:
        raise BackupError(
            _("The archive member name %(name)s is not allowed.") % {"name": repr(name)}
        )
    return name


def _extract_member(source, staging: Path, name: str) -> FileEntry:
    target = staging.joinpath(*name.split("/"))
    target.parent.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    with open(target, "xb") as out:
        while data := source.read(CHUNK):
            digest.update(data)
            size += len(data)
            out.write(data)
    return FileEntry(path=name, size=size, sha256=digest.hexdigest())


def _compare_with_manifest(manifest: Manifest, extracted: dict[str, FileEntry]) -> None:
    listed = {entry.path: entry for entry in manifest.files}
    if len(listed) != len(manifest.files) or set(listed) != set(extracted):
        difference = sorted(set(listed) ^ set(extracted))
        raise BackupError(
            _("The archive's contents do not match its manifest: %(names)s.")
            % {"names": ", ".join(difference[:10]) or _("duplicate entries")}
        )
    for name, entry in listed.items():
        if extracted[name] != entry:
            raise BackupError(
                _("%(name)s does not match its checksum; the archive is damaged.") % {"name": name}
            )
    if manifest.database_member not in listed:
        raise BackupError(_("The archive holds no database."))


@contextmanager
def _replaced_file_roots(staging: Path):
    """Put the staged upload folders in place of the current ones; if the block fails, the
    current ones come back. The old folders are set aside (same parent, so renames are
    atomic) and deleted only after success."""
    replaced: list[tuple[Path, Path]] = []
    try:
        for folder, root in file_roots().items():
            root.parent.mkdir(parents=True, exist_ok=True)
            aside = Path(tempfile.mkdtemp(dir=root.parent, prefix=f".{root.name}-before-restore-"))
            replaced.append((root, aside))
            if root.exists():
                os.replace(root, aside / root.name)
            incoming = staging / folder
            if incoming.is_dir():
                shutil.move(incoming, root)
            else:
                root.mkdir()
        yield
    except BaseException:
        for root, aside in reversed(replaced):
            shutil.rmtree(root, ignore_errors=True)
            if (aside / root.name).exists():
                os.replace(aside / root.name, root)
            shutil.rmtree(aside)
        raise
    for _root, aside in replaced:
        shutil.rmtree(aside)


def _restore_sqlite(dump: Path) -> None:
    # Django's own connections must not hold the file open (or a transaction) meanwhile.
    connections.close_all()
    with (
        closing(sqlite3.connect(dump)) as source,
        closing(sqlite3.connect(_sqlite_path(), timeout=SQLITE_TIMEOUT)) as target,
    ):
        # Copies every page in one write transaction: the database is either all old or all new.
        source.backup(target)


def _restore_postgresql(dump: Path) -> None:
    connections.close_all()
    _run_pg_tool(
        "pg_restore",
        [
            "--clean",
            "--if-exists",
            "--no-owner",
            # All or nothing: a failure leaves the database as it was.
            "--single-transaction",
            f"--dbname={connection.settings_dict['NAME']}",
            str(dump),
        ],
    )


_RESTORERS = {"sqlite": _restore_sqlite, "postgresql": _restore_postgresql}
