"""Fails when an app lacks a catalogue of a translated language, when a catalogue misses a string
of the code or has untranslated or fuzzy entries, or when a committed .mo file is stale.

Missing strings are found by running makemessages on a throwaway copy of each app, so the
working tree is never touched: a string added to the code without a translation shows up there
as an untranslated entry. English needs no catalogue: the strings in the code are English.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("pl", "uk")
# Every app with a catalogue of any language must have one of each.
APPS = sorted(
    {path.parents[3] for path in ROOT.glob("pomyslowice/*/locale/*/LC_MESSAGES/django.po")}
)


def statistics(po: Path) -> str:
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stderr.strip()


def catalogues_after_makemessages(app: Path, scratch: Path) -> Path:
    copy = scratch / app.name
    shutil.copytree(app, copy, ignore=shutil.ignore_patterns("__pycache__", "migrations"))
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "makemessages", "--no-location"]
        + [f"--locale={language}" for language in LANGUAGES],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    return copy


def stale_mo(po: Path) -> bool:
    with tempfile.NamedTemporaryFile(suffix=".mo") as fresh:
        subprocess.run(["msgfmt", "-o", fresh.name, str(po)], check=True)
        mo = po.with_suffix(".mo")
        return not mo.exists() or Path(fresh.name).read_bytes() != mo.read_bytes()


def problems_of(app: Path, scratch: Path) -> list[str]:
    problems = []
    missing = [lang for lang in LANGUAGES if not (app / catalogue(lang)).exists()]
    if missing:
        return [f"{app.relative_to(ROOT)}: no catalogue for {', '.join(missing)}"]
    copy = catalogues_after_makemessages(app, scratch)
    for language in LANGUAGES:
        po = app / catalogue(language)
        report = statistics(copy / catalogue(language))
        if "untranslated" in report or "fuzzy" in report:
            problems.append(f"{po.relative_to(ROOT)}: after makemessages, {report}")
        if stale_mo(po):
            problems.append(f"{po.relative_to(ROOT)}: stale .mo, run compilemessages")
    return problems


def catalogue(language: str) -> Path:
    return Path(f"locale/{language}/LC_MESSAGES/django.po")


def main() -> None:
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        for app in APPS:
            problems += problems_of(app, Path(scratch))
    if problems:
        sys.exit("Translations need work:\n" + "\n".join(problems))
    print("Translations complete and compiled.")


if __name__ == "__main__":
    main()
