"""Pick station daemon: python main.py --station S12"""
import argparse
import logging
import os
import time

import psycopg
import requests
from pynput import keyboard

from recorder import PickRecorder

log = logging.getLogger("pickstation")


def connect_with_retry(dsn: str, attempts: int = 10) -> psycopg.Connection:
    delay = 1.0
    for attempt in range(1, attempts + 1):
        try:
            conn = psycopg.connect(dsn, connect_timeout=5)
            break
        except psycopg.OperationalError as exc:
            log.warning("db not reachable (attempt %d/%d): %s", attempt, attempts, exc)
            time.sleep(delay)
            delay = min(delay * 2, 30)
    else:
        raise SystemExit("database unreachable, giving up")
    return conn


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--station", required=True)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    conn = connect_with_retry(os.environ.get("PICK_DB_DSN", "postgresql://pick@wms-db/pick"))
    http = requests.Session()
    http.headers["Authorization"] = f"Bearer {os.environ.get('WMS_TOKEN', '')}"
    rec = PickRecorder(conn, http, args.station, os.environ.get("WMS_URL", "http://wms.internal"))

    hotkeys = keyboard.GlobalHotKeys(
        {
            "<f9>": rec.on_pick,
            "<f10>": rec.next_order,
            "<ctrl>+<f10>": rec.on_short,
        }
    )
    listener = keyboard.Listener(on_press=rec.on_key)
    try:
        hotkeys.start()
        listener.start()
        rec.next_order()
        hotkeys.join()
    finally:
        listener.stop()
        http.close()
        conn.close()


if __name__ == "__main__":
    main()
