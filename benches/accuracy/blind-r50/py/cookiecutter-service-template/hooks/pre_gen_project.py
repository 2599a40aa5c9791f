"""Runs once, in its own interpreter, before cookiecutter renders the template."""
import re
import sys

import requests

SLUG = "{{ cookiecutter.project_slug }}"
TEAM = "{{ cookiecutter.owner_team }}"
CATALOG_API = "https://catalog.internal/api/v1"


def main() -> int:
    if not re.fullmatch(r"[a-z][a-z0-9-]{2,39}", SLUG):
        print(f"ERROR: '{SLUG}' is not a valid service slug", file=sys.stderr)
        return 1
    with requests.Session() as http:
        taken = http.get(f"{CATALOG_API}/services/{SLUG}", timeout=10)
        if taken.status_code == 200:
            print(f"ERROR: service '{SLUG}' already exists in the catalog", file=sys.stderr)
            return 1
        team = http.get(f"{CATALOG_API}/teams/{TEAM}", timeout=10)
        if team.status_code == 404:
            print(f"ERROR: unknown owner team '{TEAM}'", file=sys.stderr)
            return 1
        team.raise_for_status()
    return 0


sys.exit(main())
