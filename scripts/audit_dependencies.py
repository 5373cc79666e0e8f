"""pip-audit over the lock files against PyPI's advisories: fails on any known vulnerability.

When the advisory source cannot be reached, or knows none of the locked versions (a mirror that
is ahead of pypi.org), nothing could be checked: that is said plainly and the run goes on, so an
offline machine can still test. Every other pip-audit failure fails the run.
"""

import json
import subprocess
import sys

LOCKS = ["requirements/base.lock", "requirements/test.lock"]


def main() -> None:
    command = [sys.executable, "-m", "pip_audit", "--no-deps", "--disable-pip"]
    command += ["--vulnerability-service", "pypi", "--progress-spinner", "off", "--format", "json"]
    for lock in LOCKS:
        command += ["--requirement", lock]
    result = subprocess.run(command, capture_output=True, text=True)  # nosec B603
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        if "ConnectionError" in result.stderr or "Max retries" in result.stderr:
            print("pip-audit skipped: the advisory source (pypi.org) cannot be reached.")
            return
        sys.exit(f"pip-audit failed:\n{result.stderr}")
    audited = [d for d in report["dependencies"] if "skip_reason" not in d]
    vulnerable = [d for d in audited if d["vulns"]]
    for dependency in vulnerable:
        ids = ", ".join(vuln["id"] for vuln in dependency["vulns"])
        print(f"{dependency['name']} {dependency['version']}: {ids}")
    if vulnerable:
        sys.exit(f"pip-audit: {len(vulnerable)} locked packages have known vulnerabilities.")
    skipped = len(report["dependencies"]) - len(audited)
    if not audited:
        print(f"pip-audit skipped: pypi.org knows none of the {skipped} locked versions.")
        return
    print(
        f"pip-audit: no known vulnerability in {len(audited)} packages, {skipped} not on pypi.org."
    )


if __name__ == "__main__":
    main()
