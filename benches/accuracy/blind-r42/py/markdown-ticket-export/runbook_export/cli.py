"""One-off export: ``runbook-export docs/runbooks build/binder``.

Run by hand (or by the monthly binder job) - one process per export.
"""
import argparse
import hashlib
import os
import pathlib
import sys

import markdown
import psycopg
import requests

from .tickets import TicketExtension

TRACKER = os.environ.get("TRACKER_URL", "https://tickets.example.com")


def open_db(dsn):
    return psycopg.connect(dsn, connect_timeout=10, autocommit=True)


def make_lookup(http, cache):
    def lookup(key):
        if key not in cache:
            resp = http.get(f"{TRACKER}/rest/api/2/issue/{key}", params={"fields": "summary,status"}, timeout=10)
            if resp.status_code == 404:
                cache[key] = None
            else:
                resp.raise_for_status()
                fields = resp.json()["fields"]
                cache[key] = {"summary": fields["summary"], "status": fields["status"]["name"]}
        return cache[key]

    return lookup


def main(argv=None):
    parser = argparse.ArgumentParser(prog="runbook-export")
    parser.add_argument("source", type=pathlib.Path)
    parser.add_argument("dest", type=pathlib.Path)
    parser.add_argument("--dsn", default=os.environ.get("BINDER_DSN", "postgresql://binder@ops-db.internal/binder"))
    args = parser.parse_args(argv)

    token = os.environ.get("TRACKER_TOKEN")
    if not token:
        print("TRACKER_TOKEN is not set", file=sys.stderr)
        return 2

    db = open_db(args.dsn)
    try:
        with requests.Session() as http:
            http.headers["Authorization"] = f"Bearer {token}"
            lookup = make_lookup(http, {})
            md = markdown.Markdown(
                extensions=["tables", "fenced_code", "toc", TicketExtension(lookup=lookup, base_url=TRACKER)]
            )
            exported = 0
            for src in sorted(args.source.rglob("*.md")):
                text = src.read_text(encoding="utf-8")
                html = md.reset().convert(text)
                out = args.dest / src.relative_to(args.source).with_suffix(".html")
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_text(html, encoding="utf-8")
                db.execute(
                    "INSERT INTO exported_runbooks (path, sha256, exported_at) VALUES (%s, %s, now()) "
                    "ON CONFLICT (path) DO UPDATE SET sha256 = EXCLUDED.sha256, exported_at = now()",
                    (str(src.relative_to(args.source)), hashlib.sha256(text.encode()).hexdigest()),
                )
                exported += 1
    finally:
        db.close()
    print(f"exported {exported} runbooks to {args.dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
