#!/usr/bin/env python3
"""The installed .deb as a desktop sees it: the app and the `incidents` CLI on
the PATH, a desktop entry that starts the app with its icon, and the icon at
the sizes a desktop asks for. With --removed: all of it gone again.

Run by `./dev test` after `apt-get install ./…deb` (and after the removal)."""

import glob
import shutil
import subprocess
import sys

APP = "privacy-incident-tracker"
ICON_SIZES = ["32x32", "64x64", "128x128", "256x256", "512x512"]


def desktop_entries():
    return [
        path
        for path in glob.glob("/usr/share/applications/*.desktop")
        if f"Exec={APP}" in open(path, encoding="utf-8").read()
    ]


def icons():
    return glob.glob(f"/usr/share/icons/hicolor/*/apps/{APP}.png")


def check_installed():
    problems = []
    for program in [APP, "incidents"]:
        if shutil.which(program) is None:
            problems.append(f"{program} is not on the PATH")
    if shutil.which("incidents"):
        out = subprocess.run(["incidents", "--version"], capture_output=True, text=True)
        if out.returncode != 0 or not out.stdout.strip():
            problems.append(f"incidents --version failed: {out.stderr.strip()}")
    entries = desktop_entries()
    if len(entries) != 1:
        problems.append(f"expected one desktop entry starting {APP}, found {entries}")
    else:
        text = open(entries[0], encoding="utf-8").read()
        for line in ["Name=Privacy Incident Tracker", f"Icon={APP}", "Type=Application"]:
            if line not in text.splitlines():
                problems.append(f"{entries[0]} lacks '{line}'")
    found = {path.split("/")[5] for path in icons()}
    missing = [size for size in ICON_SIZES if size not in found]
    if missing:
        problems.append(f"no icon at {missing} (found {sorted(found)})")
    return problems


def check_removed():
    left = [p for p in [APP, "incidents"] if shutil.which(p)]
    return [f"still installed: {left + desktop_entries() + icons()}"] if left or desktop_entries() or icons() else []


def main():
    removed = "--removed" in sys.argv[1:]
    problems = check_removed() if removed else check_installed()
    for problem in problems:
        print(f"package check: {problem}", file=sys.stderr)
    if problems:
        sys.exit(1)
    print("package check: " + ("removed cleanly" if removed else "app, CLI, desktop entry and icons in place"))


if __name__ == "__main__":
    main()
