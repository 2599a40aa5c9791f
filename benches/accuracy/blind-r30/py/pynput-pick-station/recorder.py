"""Pick station recorder. Each foot-pedal / hotkey press is one pick event.
The connection and HTTP session are injected; nothing is built per key."""
import logging
import threading
from datetime import datetime, timezone

import psycopg
import requests

log = logging.getLogger(__name__)


class PickRecorder:
    def __init__(self, conn: psycopg.Connection, http: requests.Session, station: str, wms_url: str):
        self.conn = conn
        self.http = http
        self.station = station
        self.wms_url = wms_url
        self.current_order = None
        self._lock = threading.Lock()

    def next_order(self):
        with self._lock, self.conn.cursor() as cur:
            cur.execute(
                "UPDATE pick_orders SET station = %s, started_at = now() "
                "WHERE id = (SELECT id FROM pick_orders WHERE station IS NULL "
                "ORDER BY priority DESC, id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id",
                (self.station,),
            )
            row = cur.fetchone()
            self.conn.commit()
        self.current_order = row[0] if row else None
        log.info("station %s now on order %s", self.station, self.current_order)

    def on_pick(self):
        if self.current_order is None:
            return
        with self._lock, self.conn.cursor() as cur:
            cur.execute(
                "INSERT INTO pick_events (order_id, station, picked_at) VALUES (%s, %s, %s)",
                (self.current_order, self.station, datetime.now(timezone.utc)),
            )
            self.conn.commit()

    def on_short(self):
        if self.current_order is None:
            return
        self.http.post(
            f"{self.wms_url}/orders/{self.current_order}/short",
            json={"station": self.station},
            timeout=5,
        )

    def on_key(self, key):
        # plain key listener: Esc pauses the station
        from pynput import keyboard

        if key == keyboard.Key.esc:
            self.current_order = None
