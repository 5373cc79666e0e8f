"""manage.py backup / restore: the restore drill and every way an archive must be refused.

Only the drill really restores: it replaces the whole database, so it runs outside a wrapping
transaction. The other tests stay inside one (the flush after a transactional test costs seconds
on PostgreSQL); their archives therefore hold the committed state only, which is all they need."""

import datetime
import hashlib
import io
import json
import re
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import translation

from pomyslowice.core import backup
from pomyslowice.core.models import AuditLogEntry, District

pytestmark = pytest.mark.django_db

OTHER_VENDOR = {"sqlite": "postgresql", "postgresql": "sqlite"}


@pytest.fixture
def output_dir(tmp_path) -> Path:
    return tmp_path / "backups"


@pytest.fixture
def uploads(settings) -> dict[str, Path]:
    """A public upload and a private one (a signed agreement), as a site would hold them."""
    files = {
        "public": Path(settings.MEDIA_ROOT) / "organizations" / "logo-stowarzyszenia.png",
        "private": Path(settings.PRIVATE_MEDIA_ROOT) / "agreements" / "porozumienie-17.pdf",
    }
    files["public"].parent.mkdir(parents=True)
    files["public"].write_bytes(b"\x89PNG logo of the association")
    files["private"].parent.mkdir(parents=True)
    files["private"].write_bytes(b"%PDF-1.7 signed volunteering agreement")
    return files


def make_backup(output_dir: Path) -> Path:
    out = io.StringIO()
    call_command("backup", "--output", str(output_dir), stdout=out)
    (archive,) = output_dir.glob("pomyslowice-backup-*.tar.gz")
    assert str(archive) in out.getvalue()
    return archive


def restore(archive: Path, *args: str) -> str:
    out = io.StringIO()
    with translation.override("en"):
        call_command("restore", str(archive), *args, stdout=out)
    return out.getvalue()


def districts() -> list[tuple[int, str]]:
    return sorted(District.objects.values_list("pk", "name"))


def uploaded_files(settings) -> dict[str, bytes]:
    result = {}
    for root in (Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT)):
        for path in root.rglob("*"):
            if path.is_file():
                result[str(path)] = path.read_bytes()
    return result


def leftovers(settings, output_dir: Path) -> list[str]:
    """Staging and set-aside folders a finished run must not leave behind."""
    places = {
        Path(settings.VAR_DIR),
        Path(settings.MEDIA_ROOT).parent,
        Path(settings.PRIVATE_MEDIA_ROOT).parent,
        output_dir,
    }
    return sorted(
        str(p)
        for place in places
        if place.is_dir()
        for p in place.iterdir()
        if p.name.startswith((".restore-", ".backup-")) or "-before-restore-" in p.name
    )


def members(archive: Path) -> dict[str, bytes]:
    with tarfile.open(archive, "r:gz") as tar:
        return {m.name: tar.extractfile(m).read() for m in tar}


def write_archive(path: Path, contents: list[tuple[tarfile.TarInfo, bytes | None]]) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for info, data in contents:
            if data is not None:
                info.size = len(data)
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
    return path


def file_member(name: str, data: bytes) -> tuple[tarfile.TarInfo, bytes]:
    return tarfile.TarInfo(name), data


@pytest.mark.django_db(transaction=True)
def test_restore_drill_brings_back_rows_and_files_as_they_were(
    settings, uploads, output_dir, monkeypatch
):
    District.objects.create(name="Testowa Górna", slug="testowa-gorna")
    to_be_deleted = District.objects.create(name="Testowa Dolna", slug="testowa-dolna")
    rows_at_backup, files_at_backup = districts(), uploaded_files(settings)
    archive = make_backup(output_dir)

    District.objects.create(name="Dodana po kopii", slug="dodana-po-kopii")
    to_be_deleted.delete()
    District.objects.filter(slug="testowa-gorna").update(name="Zmieniona nazwa")
    uploads["private"].write_bytes(b"%PDF-1.7 a different document")
    uploads["public"].unlink()
    (Path(settings.MEDIA_ROOT) / "added-later.txt").write_bytes(b"not in the backup")

    seen_by_hook = {}

    def erasure_log_hook(manifest):
        seen_by_hook["before"] = District.objects.filter(slug="dodana-po-kopii").exists()
        seen_by_hook["created_at"] = manifest.created_at

        def finish():
            seen_by_hook["after"] = District.objects.filter(slug="dodana-po-kopii").exists()
            return "erasures re-applied: 0"

        return finish

    monkeypatch.setattr(backup, "_restore_hooks", [])
    backup.register_restore_hook(erasure_log_hook)

    output = restore(archive, "--yes")

    assert districts() == rows_at_backup
    assert uploaded_files(settings) == files_at_backup
    assert seen_by_hook["before"] is True
    assert seen_by_hook["after"] is False
    manifest = json.loads(members(archive)["manifest.json"])
    assert seen_by_hook["created_at"] == datetime.datetime.fromisoformat(manifest["created_at"])
    assert "erasures re-applied: 0" in output
    assert "Indexed 0 documents." in output  # the search index was empty, so it was rebuilt
    restored = AuditLogEntry.objects.get(verb="core.backup.restored")
    assert restored.data["archive"] == archive.name
    # Written after the dump, so the restored database does not know about this backup.
    assert not AuditLogEntry.objects.filter(verb="core.backup.created").exists()
    # Sequences came back too: new rows do not collide with restored ones.
    District.objects.create(name="Nowa po odtworzeniu", slug="nowa-po-odtworzeniu")
    assert leftovers(settings, output_dir) == []


def test_backup_writes_one_private_archive_with_a_complete_manifest(settings, uploads, output_dir):
    archive = make_backup(output_dir)

    assert re.fullmatch(r"pomyslowice-backup-\d{8}T\d{6}Z\.tar\.gz", archive.name)
    assert archive.stat().st_mode & 0o777 == 0o600
    contents = members(archive)
    manifest = json.loads(contents.pop("manifest.json"))
    assert manifest["format"] == "pomyslowice-backup"
    assert manifest["format_version"] == 1
    created_at = datetime.datetime.fromisoformat(manifest["created_at"])
    assert created_at.strftime("%Y%m%dT%H%M%SZ") in archive.name
    assert manifest["database"] == {
        "vendor": connection.vendor,
        "path": backup.DATABASE_MEMBERS[connection.vendor],
    }
    assert "0001_initial" in manifest["migrations"]["core"]
    assert "0001_initial" in manifest["migrations"]["accounts"]
    listed = {f["path"]: f for f in manifest["files"]}
    assert set(listed) == set(contents)
    assert set(contents) == {
        backup.DATABASE_MEMBERS[connection.vendor],
        "media/organizations/logo-stowarzyszenia.png",
        "private/agreements/porozumienie-17.pdf",
    }
    for name, data in contents.items():
        assert listed[name]["size"] == len(data)
        assert listed[name]["sha256"] == hashlib.sha256(data).hexdigest()
    assert contents["private/agreements/porozumienie-17.pdf"] == uploads["private"].read_bytes()
    logged = AuditLogEntry.objects.get(verb="core.backup.created")
    assert logged.data == {"archive": archive.name, "bytes": archive.stat().st_size, "files": 2}
    assert leftovers(settings, output_dir) == []


def test_backup_keeps_only_the_newest_archives_when_asked(output_dir):
    output_dir.mkdir()
    older = [
        output_dir / "pomyslowice-backup-20200101T020000Z.tar.gz",
        output_dir / "pomyslowice-backup-20200102T020000Z.tar.gz",
        output_dir / "pomyslowice-backup-20200103T020000Z.tar.gz",
    ]
    for path in older:
        path.write_bytes(b"old")
    unrelated = output_dir / "notes.txt"
    unrelated.write_text("not an archive")

    call_command("backup", "--output", str(output_dir), "--keep", "2", stdout=io.StringIO())

    remaining = sorted(p.name for p in output_dir.iterdir())
    assert len(remaining) == 3
    assert older[2].name in remaining
    assert unrelated.name in remaining
    with pytest.raises(CommandError):
        call_command("backup", "--output", str(output_dir), "--keep", "0")


def test_a_damaged_archive_is_refused_and_nothing_changes(settings, uploads, output_dir):
    archive = make_backup(output_dir)
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    archive.write_bytes(bytes(data))
    District.objects.create(name="Po kopii", slug="po-kopii")
    uploads["private"].write_bytes(b"changed after the backup")
    rows, files = districts(), uploaded_files(settings)

    with pytest.raises(CommandError):
        restore(archive, "--yes")

    assert districts() == rows
    assert uploaded_files(settings) == files
    assert not AuditLogEntry.objects.filter(verb="core.backup.restored").exists()
    assert leftovers(settings, output_dir) == []


def test_a_file_not_matching_its_checksum_is_refused(settings, uploads, output_dir, tmp_path):
    archive = make_backup(output_dir)
    contents = members(archive)
    contents["private/agreements/porozumienie-17.pdf"] = b"%PDF-1.7 forged agreement"
    forged = write_archive(
        tmp_path / "forged.tar.gz", [file_member(n, d) for n, d in contents.items()]
    )
    files = uploaded_files(settings)

    with pytest.raises(CommandError, match="checksum"):
        restore(forged, "--yes")

    assert uploaded_files(settings) == files


@pytest.mark.parametrize(
    "member",
    [
        file_member("../evil", b"x"),
        file_member("media/../../evil", b"x"),
        file_member("/tmp/evil", b"x"),
        file_member("elsewhere/evil", b"x"),
        (tarfile.TarInfo("media/evil"), None),  # set to a symlink below
        (tarfile.TarInfo("private/evil"), None),  # set to a hard link below
    ],
    ids=["parent", "nested-parent", "absolute", "unknown-folder", "symlink", "hardlink"],
)
def test_members_outside_the_archive_layout_are_refused(
    settings, uploads, output_dir, tmp_path, member
):
    info, data = member
    if data is None:
        info.type = tarfile.SYMTYPE if info.name.startswith("media") else tarfile.LNKTYPE
        info.linkname = "/etc/passwd"
    archive = make_backup(output_dir)
    contents = [file_member(n, d) for n, d in members(archive).items()]
    hostile = write_archive(tmp_path / "hostile.tar.gz", [(info, data), *contents])
    rows, files = districts(), uploaded_files(settings)

    with pytest.raises(CommandError, match="evil"):
        restore(hostile, "--yes")

    assert districts() == rows
    assert uploaded_files(settings) == files
    assert not (Path(settings.VAR_DIR).parent / "evil").exists()
    assert not (Path(settings.VAR_DIR) / "evil").exists()
    assert leftovers(settings, output_dir) == []


def repacked(archive: Path, target: Path, edit) -> Path:
    """A copy of `archive` whose manifest and members `edit(manifest, contents)` changed."""
    contents = members(archive)
    manifest = json.loads(contents.pop("manifest.json"))
    edit(manifest, contents)
    contents["manifest.json"] = json.dumps(manifest).encode()
    return write_archive(target, [file_member(n, d) for n, d in contents.items()])


def test_an_archive_of_the_other_database_vendor_is_refused(
    settings, uploads, output_dir, tmp_path
):
    other = OTHER_VENDOR[connection.vendor]

    def as_other_vendor(manifest, contents):
        contents[backup.DATABASE_MEMBERS[other]] = contents.pop(manifest["database"]["path"])
        manifest["database"] = {"vendor": other, "path": backup.DATABASE_MEMBERS[other]}
        for entry in manifest["files"]:
            if entry["path"].startswith("database/"):
                entry["path"] = backup.DATABASE_MEMBERS[other]

    foreign = repacked(make_backup(output_dir), tmp_path / "foreign.tar.gz", as_other_vendor)
    District.objects.create(name="Po kopii", slug="po-kopii")
    rows = districts()

    with pytest.raises(CommandError, match=other):
        restore(foreign, "--yes")

    assert districts() == rows


def test_an_archive_without_a_manifest_is_refused(tmp_path):
    stranger = write_archive(tmp_path / "stranger.tar.gz", [file_member("media/a.txt", b"a")])

    with pytest.raises(CommandError, match="manifest"):
        restore(stranger, "--yes")


@pytest.mark.parametrize(
    "stdin, message",
    [(io.StringIO("yes\n"), "--yes"), ("tty-no", "cancelled")],
    ids=["non-interactive", "operator-says-no"],
)
def test_restore_without_yes_needs_a_confirmation(
    settings, uploads, output_dir, monkeypatch, stdin, message
):
    if stdin == "tty-no":
        stdin = io.StringIO("no\n")
        stdin.isatty = lambda: True
    monkeypatch.setattr("sys.stdin", stdin)
    archive = make_backup(output_dir)
    District.objects.create(name="Po kopii", slug="po-kopii")
    uploads["private"].write_bytes(b"changed after the backup")
    rows, files = districts(), uploaded_files(settings)

    with pytest.raises(CommandError, match=message):
        restore(archive)

    assert districts() == rows
    assert uploaded_files(settings) == files


def test_a_failed_database_restore_puts_the_files_back(settings, uploads, output_dir, monkeypatch):
    archive = make_backup(output_dir)
    uploads["private"].write_bytes(b"changed after the backup")
    files = uploaded_files(settings)

    def broken_restore(dump):
        raise backup.BackupError("the database server went away")

    monkeypatch.setitem(backup._RESTORERS, connection.vendor, broken_restore)

    with pytest.raises(CommandError, match="went away"):
        restore(archive, "--yes")

    assert uploaded_files(settings) == files
    assert leftovers(settings, output_dir) == []


@pytest.fixture
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("pg_dump is used only with PostgreSQL")


def test_backup_without_pg_dump_is_a_clear_error(postgresql_only, output_dir, monkeypatch):
    monkeypatch.setattr(backup.shutil, "which", lambda program: None)

    with translation.override("en"), pytest.raises(CommandError, match="pg_dump was not found"):
        call_command("backup", "--output", str(output_dir))

    assert list(output_dir.iterdir()) == []


def test_a_failing_pg_dump_is_a_clear_error_and_leaves_no_archive(
    postgresql_only, output_dir, monkeypatch
):
    monkeypatch.setitem(connection.settings_dict, "NAME", "no_such_database_for_backup")

    with translation.override("en"), pytest.raises(CommandError, match="pg_dump failed"):
        call_command("backup", "--output", str(output_dir))

    assert list(output_dir.iterdir()) == []


def test_an_archive_older_than_the_schema_is_refused_on_postgresql(
    postgresql_only, settings, uploads, output_dir, tmp_path
):
    def without_the_last_core_migration(manifest, contents):
        manifest["migrations"]["core"].pop()

    older = repacked(
        make_backup(output_dir), tmp_path / "older.tar.gz", without_the_last_core_migration
    )
    rows, files = districts(), uploaded_files(settings)

    with pytest.raises(CommandError, match="empty database"):
        restore(older, "--yes")

    assert districts() == rows
    assert uploaded_files(settings) == files
