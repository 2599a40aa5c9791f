"""Persist one row per finished dbt node into the ops audit database."""
import os

from dbt_common.events.base_types import EventMsg
from psycopg_pool import ConnectionPool

_pool = ConnectionPool(
    os.environ["AUDIT_DSN"],
    min_size=1,
    max_size=4,
    open=True,
    name="dbt-audit",
)

INSERT_RUN = """
    INSERT INTO dbt_node_runs
        (invocation_id, unique_id, resource_type, status, execution_time, message)
    VALUES (%s, %s, %s, %s, %s, %s)
"""


def record_node_result(event: EventMsg) -> None:
    if event.info.name != "NodeFinished":
        return

    node = event.data.node_info
    result = event.data.run_result
    conn = _pool.getconn()
    if result.status == "skipped" and node.resource_type == "test":
        # skipped tests are noise in the audit dashboard
        return

    with conn.cursor() as cur:
        cur.execute(
            INSERT_RUN,
            (
                event.info.invocation_id,
                node.unique_id,
                node.resource_type,
                result.status,
                result.execution_time,
                result.message,
            ),
        )
    conn.commit()
    _pool.putconn(conn)


def close_audit_pool() -> None:
    _pool.close()
