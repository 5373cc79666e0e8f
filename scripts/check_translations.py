"""Fails when a committed .mo file is not what its .po compiles to (translations not recompiled)."""

import subprocess
import sys
import tempfile
from pathlib import Path

stale = []
for po in Path("pomyslowice/locale").glob("*/LC_MESSAGES/*.po"):
    mo = po.with_suffix(".mo")
    with tempfile.NamedTemporaryFile(suffix=".mo") as fresh:
        subprocess.run(["msgfmt", "--check", "-o", fresh.name, str(po)], check=True)
        if not mo.exists() or Path(fresh.name).read_bytes() != mo.read_bytes():
            stale.append(str(po))
if stale:
    sys.exit("Recompile translations (python manage.py compilemessages): " + ", ".join(stale))
print("Translations compiled and up to date.")
