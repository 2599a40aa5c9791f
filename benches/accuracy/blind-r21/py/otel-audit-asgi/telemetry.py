"""OpenTelemetry wiring: every finished span is also written to the audit database.

setup_tracing() is called once per worker process, from the ASGI lifespan startup.
The exporter's export() runs once per batch on the BatchSpanProcessor thread.
"""
from __future__ import annotations

import json
import logging
import os
from typing import Sequence

from opentelemetry import trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter, SpanExportResult
from psycopg_pool import ConnectionPool

log = logging.getLogger("authz.telemetry")

_INSERT = (
    "INSERT INTO audit_spans (trace_id, span_id, name, started_at, duration_ms, status, attrs) "
    "VALUES (%s, %s, %s, to_timestamp(%s / 1e9), %s, %s, %s::jsonb)"
)


class AuditSpanExporter(SpanExporter):
    def __init__(self, pool: ConnectionPool):
        self._pool = pool

    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        rows = [
            (
                format(s.context.trace_id, "032x"),
                format(s.context.span_id, "016x"),
                s.name,
                s.start_time,
                (s.end_time - s.start_time) / 1e6,
                s.status.status_code.name,
                json.dumps(dict(s.attributes or {}), default=str),
            )
            for s in spans
            if s.name.startswith("authz.")
        ]
        if not rows:
            return SpanExportResult.SUCCESS
        try:
            with self._pool.connection(timeout=5) as conn:
                with conn.cursor() as cur:
                    cur.executemany(_INSERT, rows)
        except Exception:
            log.exception("could not persist %d audit spans", len(rows))
            return SpanExportResult.FAILURE
        return SpanExportResult.SUCCESS

    def force_flush(self, timeout_millis: int = 30000) -> bool:
        return True

    def shutdown(self) -> None:
        self._pool.close()


def setup_tracing(service_name: str) -> TracerProvider:
    pool = ConnectionPool(
        conninfo=os.environ.get("AUDIT_DSN", "host=pg-audit.internal dbname=audit user=authz"),
        min_size=1,
        max_size=2,
        name="audit-spans",
        open=True,
    )
    provider = TracerProvider(resource=Resource.create({"service.name": service_name}))
    provider.add_span_processor(
        BatchSpanProcessor(AuditSpanExporter(pool), max_queue_size=4096, schedule_delay_millis=2000)
    )
    trace.set_tracer_provider(provider)
    return provider
