import psycopg

DOWNLOADS_SQL = """
    SELECT coalesce(sum(downloads), 0)
    FROM daily_downloads
    WHERE package = %s AND day >= current_date - 30
"""


def downloads_last_30_days(dsn: str, package: str) -> int:
    with psycopg.connect(dsn, connect_timeout=5) as conn:
        row = conn.execute(DOWNLOADS_SQL, (package,)).fetchone()
    return int(row[0]) if row else 0
