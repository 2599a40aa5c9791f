import logging
import time

from psycopg.rows import dict_row
from transitions import MachineError

from orders.flow import OrderFlow
from orders.services import build_services

log = logging.getLogger("orders")

CLAIM = """
DELETE FROM order_outbox
 WHERE id IN (SELECT id FROM order_outbox ORDER BY id LIMIT 50 FOR UPDATE SKIP LOCKED)
RETURNING order_id, event
"""
LOAD = "SELECT id, status, carrier FROM orders WHERE id = %s"


def run_once(services) -> int:
    with services.pool.connection() as conn, conn.cursor(row_factory=dict_row) as cur:
        events = cur.execute(CLAIM).fetchall()
        orders = {e["order_id"]: cur.execute(LOAD, (e["order_id"],)).fetchone() for e in events}
    for event in events:
        flow = OrderFlow(orders[event["order_id"]], services)
        try:
            flow.trigger(event["event"])
        except MachineError as exc:
            log.warning("ignored %s for order %s: %s", event["event"], event["order_id"], exc)
    return len(events)


def main():
    logging.basicConfig(level=logging.INFO)
    services = build_services()
    try:
        while True:
            if run_once(services) == 0:
                time.sleep(2)
    finally:
        services.close()


if __name__ == "__main__":
    main()
