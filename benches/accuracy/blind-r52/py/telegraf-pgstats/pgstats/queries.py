"""Metric queries and influx line protocol formatting."""

ACTIVITY_SQL = """
    SELECT datname, state, count(*) AS n,
           coalesce(max(extract(epoch FROM now() - xact_start)), 0) AS oldest_xact_s
    FROM pg_stat_activity
    WHERE datname IS NOT NULL
    GROUP BY datname, state
"""

DATABASE_SQL = """
    SELECT datname, xact_commit, xact_rollback, blks_read, blks_hit, deadlocks,
           pg_database_size(datname) AS size_bytes
    FROM pg_stat_database
    WHERE datname NOT IN ('template0', 'template1')
"""


def _tag(value):
    return str(value).replace(" ", r"\ ").replace(",", r"\,").replace("=", r"\=")


def collect(conn, cluster, ts_ns):
    with conn.cursor() as cur:
        cur.execute(ACTIVITY_SQL)
        for datname, state, n, oldest in cur.fetchall():
            yield (
                f"pg_activity,cluster={_tag(cluster)},db={_tag(datname)},state={_tag(state or 'unknown')} "
                f"connections={n}i,oldest_xact_s={float(oldest)} {ts_ns}"
            )
        cur.execute(DATABASE_SQL)
        for datname, commits, rollbacks, reads, hits, deadlocks, size in cur.fetchall():
            yield (
                f"pg_database,cluster={_tag(cluster)},db={_tag(datname)} "
                f"xact_commit={commits}i,xact_rollback={rollbacks}i,blks_read={reads}i,"
                f"blks_hit={hits}i,deadlocks={deadlocks}i,size_bytes={size}i {ts_ns}"
            )
