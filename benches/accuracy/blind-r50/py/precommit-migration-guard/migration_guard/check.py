"""Entry point run by pre-commit: one process per `git commit` / `pre-commit run`,
with the staged migration files passed as arguments."""
import argparse
import os
import re
import sys

import httpx
import psycopg

DROP_TABLE = re.compile(r"\bDROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?([\w.]+)", re.I)
DROP_COLUMN = re.compile(r"\bALTER\s+TABLE\s+([\w.]+)\s+DROP\s+COLUMN\s+(\w+)", re.I)
MAX_ROWS = int(os.environ.get("MIGRATION_GUARD_MAX_ROWS", "100000"))


def destructive_statements(path):
    with open(path, encoding="utf-8") as fh:
        sql = fh.read()
    for match in DROP_TABLE.finditer(sql):
        yield match.group(1), None
    for match in DROP_COLUMN.finditer(sql):
        yield match.group(1), match.group(2)


def estimated_rows(conn, table):
    with conn.cursor() as cur:
        cur.execute(
            "SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass(%s)", (table,)
        )
        row = cur.fetchone()
    return row[0] if row else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="migration-guard")
    parser.add_argument("filenames", nargs="*")
    args = parser.parse_args(argv)

    findings = [(path, stmt) for path in args.filenames for stmt in destructive_statements(path)]
    if not findings:
        return 0

    problems = []
    dsn = os.environ.get("MIGRATION_GUARD_DSN")
    if dsn:
        with psycopg.connect(dsn, connect_timeout=5, application_name="migration-guard") as conn:
            for path, (table, column) in findings:
                rows = estimated_rows(conn, table)
                if rows > MAX_ROWS:
                    what = f"{table}.{column}" if column else table
                    problems.append(f"{path}: drops {what} ({rows} live rows)")
    else:
        problems = [f"{path}: destructive statement on {table}" for path, (table, _) in findings]

    webhook = os.environ.get("MIGRATION_GUARD_WEBHOOK")
    if webhook and problems:
        with httpx.Client(timeout=5.0) as client:
            client.post(webhook, json={"text": "\n".join(problems)})

    for line in problems:
        print(line, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
