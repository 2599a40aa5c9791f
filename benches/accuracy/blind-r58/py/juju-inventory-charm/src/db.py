"""Database helpers used by the charm's hook handlers."""

from typing import Mapping, Optional

import psycopg

MIGRATIONS = [
    "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)",
    "CREATE TABLE IF NOT EXISTS stock (sku text PRIMARY KEY, qty integer NOT NULL DEFAULT 0)",
    "ALTER TABLE stock ADD COLUMN IF NOT EXISTS location text",
    "CREATE INDEX IF NOT EXISTS stock_location_idx ON stock (location)",
]


def dsn_from_relation(data: Mapping[str, str], database: str) -> Optional[str]:
    endpoints = data.get("endpoints")
    username = data.get("username")
    password = data.get("password")
    if not (endpoints and username and password):
        return None
    host, _, port = endpoints.split(",")[0].partition(":")
    return f"postgresql://{username}:{password}@{host}:{port or 5432}/{database}"


def connect(dsn: str) -> psycopg.Connection:
    return psycopg.connect(dsn, connect_timeout=10, application_name="inventory-charm")


def schema_version(dsn: str) -> int:
    with connect(dsn) as conn:
        conn.execute(MIGRATIONS[0])
        row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return row[0] or 0


def apply_migrations(dsn: str) -> int:
    current = schema_version(dsn)
    with connect(dsn) as conn:
        for version, statement in enumerate(MIGRATIONS, start=1):
            if version <= current:
                continue
            conn.execute(statement)
            conn.execute("INSERT INTO schema_version (version) VALUES (%s)", (version,))
    return len(MIGRATIONS) - current if len(MIGRATIONS) > current else 0
