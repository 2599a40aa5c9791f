"""OpenLineage transport that writes run events straight into the
``lineage_events`` table of our metadata Postgres (no Marquez).

The client builds one transport instance; emit() is then called for every
START / RUNNING / COMPLETE / FAIL event and borrows a pooled connection.
"""
from __future__ import annotations

import logging
from typing import Any

import attr
from openlineage.client.serde import Serde
from openlineage.client.transport.transport import Config, Transport
from psycopg.types.json import Jsonb
from psycopg_pool import ConnectionPool

log = logging.getLogger(__name__)

INSERT_SQL = """
    INSERT INTO lineage_events (run_id, job_namespace, job_name, event_type, event_time, body)
    VALUES (%s, %s, %s, %s, %s, %s)
"""


@attr.define
class PostgresConfig(Config):
    dsn: str
    max_connections: int = 2

    @classmethod
    def from_dict(cls, params: dict[str, Any]) -> "PostgresConfig":
        return cls(dsn=params["dsn"], max_connections=int(params.get("max_connections", 2)))


class PostgresTransport(Transport):
    kind = "postgres"
    config_class = PostgresConfig

    def __init__(self, config: PostgresConfig) -> None:
        self.config = config
        self._pool = ConnectionPool(
            conninfo=config.dsn, min_size=1, max_size=config.max_connections, open=True
        )

    def emit(self, event) -> None:
        body = Serde.to_json(event)
        with self._pool.connection() as conn:
            conn.execute(
                INSERT_SQL,
                (
                    event.run.runId,
                    event.job.namespace,
                    event.job.name,
                    str(event.eventType.value if event.eventType else "OTHER"),
                    event.eventTime,
                    Jsonb(body, dumps=lambda s: s),
                ),
            )
        log.debug("lineage event %s %s stored", event.eventType, event.job.name)

    def close(self, timeout: float = -1) -> bool:
        self._pool.close(timeout=5.0 if timeout < 0 else timeout)
        return True
