"""Nightly warehouse refresh, run by cron once a night:

    0 2 * * *  /opt/etl/venv/bin/python /opt/etl/nightly_etl.py

Runs each refresh step in order and reports lineage for every step.
"""
import logging
import os
import sys
from datetime import datetime, timezone
from uuid import uuid4

from openlineage.client import OpenLineageClient
from openlineage.client.event_v2 import InputDataset, Job, OutputDataset, Run, RunEvent, RunState
from sqlalchemy import create_engine, text

from lineage_pg.transport import PostgresConfig, PostgresTransport

log = logging.getLogger("nightly_etl")

NAMESPACE = "warehouse-nightly"
PRODUCER = "https://git.internal/data/nightly-etl"

STEPS = [
    ("refresh_dim_customer", ["crm.customers"], "dw.dim_customer",
     "REFRESH MATERIALIZED VIEW CONCURRENTLY dw.dim_customer"),
    ("refresh_fact_orders", ["shop.orders", "shop.order_lines"], "dw.fact_orders",
     "REFRESH MATERIALIZED VIEW CONCURRENTLY dw.fact_orders"),
    ("refresh_daily_revenue", ["dw.fact_orders"], "dw.daily_revenue",
     "REFRESH MATERIALIZED VIEW dw.daily_revenue"),
]


def _event(state, run_id, name, inputs, output):
    return RunEvent(
        eventType=state,
        eventTime=datetime.now(timezone.utc).isoformat(),
        run=Run(runId=run_id),
        job=Job(namespace=NAMESPACE, name=name),
        producer=PRODUCER,
        inputs=[InputDataset(namespace="postgres://warehouse", name=i) for i in inputs],
        outputs=[OutputDataset(namespace="postgres://warehouse", name=output)],
    )


def main() -> int:
    logging.basicConfig(level=logging.INFO)
    transport = PostgresTransport(PostgresConfig(dsn=os.environ["LINEAGE_DSN"]))
    client = OpenLineageClient(transport=transport)
    warehouse = create_engine(os.environ["WAREHOUSE_URL"], pool_size=1, max_overflow=0)

    failed = 0
    try:
        for name, inputs, output, sql in STEPS:
            run_id = str(uuid4())
            client.emit(_event(RunState.START, run_id, name, inputs, output))
            try:
                with warehouse.begin() as conn:
                    conn.execute(text(sql))
            except Exception:
                log.exception("step %s failed", name)
                client.emit(_event(RunState.FAIL, run_id, name, inputs, output))
                failed += 1
                continue
            client.emit(_event(RunState.COMPLETE, run_id, name, inputs, output))
            log.info("step %s done", name)
    finally:
        warehouse.dispose()
        transport.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
