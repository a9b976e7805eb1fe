"""The vulnerability audit's fallback where PyPI's per-release JSON API is not
reachable but its per-project one is (a registry proxy that passes only
/pypi/<name>/json). That document lists the known vulnerabilities of the
project's newest release only, so a pin can be checked exactly when it *is*
the newest release; an older pin is reported as not checked, by name, never
as safe. Exit 1 on any vulnerability found, 0 otherwise (with the count of
pins not checked printed)."""

import json
import re
import sys
import urllib.request

PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)", re.M)


def project(name):
    url = f"https://pypi.org/pypi/{name}/json"
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def main(locks):
    pins = {}
    for lock in locks:
        with open(lock) as f:
            pins.update({m.group(1).lower(): m.group(2) for m in PIN.finditer(f.read())})
    found, unchecked = [], []
    for name, version in sorted(pins.items()):
        try:
            data = project(name)
        except Exception as exc:  # noqa: BLE001 - reported, never taken as safe
            unchecked.append(f"{name}=={version} ({type(exc).__name__})")
            continue
        if data["info"]["version"] != version:
            unchecked.append(f"{name}=={version} (newest is {data['info']['version']})")
            continue
        for vuln in data.get("vulnerabilities") or []:
            if not vuln.get("withdrawn"):
                fixed = ", ".join(vuln.get("fixed_in") or []) or "no fix yet"
                found.append(f"{name}=={version}: {vuln.get('id')} (fixed in {fixed})")
    checked = len(pins) - len(unchecked)
    print(f"{checked} of {len(pins)} pins checked against PyPI's vulnerability data")
    for line in found:
        print(f"  VULNERABLE {line}")
    if unchecked:
        print(f"{len(unchecked)} pins NOT checked (their release's data is not reachable here):")
        for line in unchecked:
            print(f"  {line}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
