"""Fails when a Polish catalogue misses a string of the code, has untranslated or fuzzy entries,
or when a committed .mo file is stale.

Missing strings are found by running makemessages on a throwaway copy of each app, so the
working tree is never touched: a string added to the code without a translation shows up there
as an untranslated entry.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = sorted(
    path.parent.parent.parent.parent
    for path in ROOT.glob("pomyslowice/*/locale/*/LC_MESSAGES/django.po")
)


def statistics(po: Path) -> str:
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stderr.strip()


def catalogue_after_makemessages(app: Path, scratch: Path) -> Path:
    copy = scratch / app.name
    shutil.copytree(app, copy, ignore=shutil.ignore_patterns("__pycache__", "migrations"))
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "makemessages", "-l", "pl", "--no-location"],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    return copy / "locale/pl/LC_MESSAGES/django.po"


def stale_mo(po: Path) -> bool:
    with tempfile.NamedTemporaryFile(suffix=".mo") as fresh:
        subprocess.run(["msgfmt", "-o", fresh.name, str(po)], check=True)
        mo = po.with_suffix(".mo")
        return not mo.exists() or Path(fresh.name).read_bytes() != mo.read_bytes()


def main() -> None:
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        for app in APPS:
            po = app / "locale/pl/LC_MESSAGES/django.po"
            report = statistics(catalogue_after_makemessages(app, Path(scratch)))
            if "untranslated" in report or "fuzzy" in report:
                problems.append(f"{po.relative_to(ROOT)}: after makemessages, {report}")
            if stale_mo(po):
                problems.append(f"{po.relative_to(ROOT)}: stale .mo, run compilemessages")
    if problems:
        sys.exit("Translations need work:\n" + "\n".join(problems))
    print("Translations complete and compiled.")


if __name__ == "__main__":
    main()
