"""Fails when a Polish catalogue has untranslated or fuzzy entries, or a committed .mo is stale."""

import subprocess
import sys
import tempfile
from pathlib import Path

problems = []
for po in sorted(Path("pomyslowice").glob("*/locale/*/LC_MESSAGES/django.po")):
    with tempfile.NamedTemporaryFile(suffix=".mo") as fresh:
        result = subprocess.run(
            ["msgfmt", "--check", "--statistics", "-o", fresh.name, str(po)],
            capture_output=True,
            text=True,
            check=True,
        )
        if "untranslated" in result.stderr or "fuzzy" in result.stderr:
            problems.append(f"{po}: {result.stderr.strip()}")
        mo = po.with_suffix(".mo")
        if not mo.exists() or Path(fresh.name).read_bytes() != mo.read_bytes():
            problems.append(f"{po}: stale .mo, run 'python manage.py compilemessages'")
if problems:
    sys.exit("Translations need work:\n" + "\n".join(problems))
print("Translations complete and compiled.")
