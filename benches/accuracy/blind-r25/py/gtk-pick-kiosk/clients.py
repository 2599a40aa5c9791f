"""Backends of the pick kiosk. make_clients() is called once, from do_startup."""

import os
from dataclasses import dataclass

import requests
from psycopg_pool import ConnectionPool


@dataclass
class Clients:
    pool: ConnectionPool
    printer: requests.Session
    printer_url: str

    def close(self):
        self.printer.close()
        self.pool.close()


def make_clients() -> Clients:
    pool = ConnectionPool(
        os.environ.get("WMS_DATABASE_URL", "postgresql://kiosk@wms-db.dc1.internal/wms"),
        min_size=1,
        max_size=3,
        kwargs={"application_name": f"pick-kiosk-{os.uname().nodename}"},
        open=True,
    )
    printer = requests.Session()
    printer.headers["X-Station"] = os.environ.get("STATION_ID", "pick-01")
    return Clients(
        pool=pool,
        printer=printer,
        printer_url=os.environ.get("LABEL_PRINTER_URL", "http://label-printer.dc1.internal:9100"),
    )


def open_picks(pool, zone, limit=25):
    with pool.connection() as conn:
        return conn.execute(
            "SELECT id, order_no, sku, bin, qty FROM pick_tasks "
            "WHERE zone = %s AND status = 'open' ORDER BY priority DESC, created_at LIMIT %s",
            (zone, limit),
        ).fetchall()


def complete_pick(pool, task_id, station):
    with pool.connection() as conn:
        with conn.transaction():
            conn.execute(
                "UPDATE pick_tasks SET status = 'picked', picked_at = now(), station = %s "
                "WHERE id = %s AND status = 'open'",
                (station, task_id),
            )
            conn.execute(
                "INSERT INTO pick_events (task_id, station, event) VALUES (%s, %s, 'picked')",
                (task_id, station),
            )
