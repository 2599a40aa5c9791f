"""Access to the internal governance catalog (Postgres)."""
import psycopg2
import psycopg2.extras


def get_conn(dsn: str):
    conn = psycopg2.connect(dsn, connect_timeout=5, application_name="datahub-steward-action")
    conn.autocommit = False
    return conn


def upsert_classification(conn, urn: str, tag: str, actor: str, removed: bool) -> None:
    with conn.cursor() as cur:
        if removed:
            cur.execute(
                "DELETE FROM dataset_classification WHERE dataset_urn = %s AND tag_urn = %s",
                (urn, tag),
            )
        else:
            cur.execute(
                """
                INSERT INTO dataset_classification (dataset_urn, tag_urn, set_by, set_at)
                VALUES (%s, %s, %s, now())
                ON CONFLICT (dataset_urn, tag_urn) DO UPDATE SET set_by = EXCLUDED.set_by, set_at = now()
                """,
                (urn, tag, actor),
            )


def record_owner_change(conn, urn: str, owner: str, operation: str) -> None:
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO ownership_audit (dataset_urn, owner_urn, operation) VALUES (%s, %s, %s)",
            (urn, owner, operation),
        )
