import logging
import os
import time

import requests
from evdev import InputDevice, categorize, ecodes
from psycopg_pool import ConnectionPool, PoolTimeout

from scan_kiosk.inventory import ScanRecorder

log = logging.getLogger("scan_kiosk")

KEYMAP = {f"KEY_{d}": str(d) for d in range(10)}
KEYMAP.update({f"KEY_{c}": c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})
KEYMAP["KEY_MINUS"] = "-"


def open_pool(dsn: str, attempts: int = 20) -> ConnectionPool:
    for attempt in range(1, attempts + 1):
        pool = ConnectionPool(dsn, min_size=1, max_size=3, open=False)
        try:
            pool.open(wait=True, timeout=10)
            return pool
        except PoolTimeout:
            pool.close()
            log.warning("database not reachable (attempt %d/%d)", attempt, attempts)
            time.sleep(min(2 * attempt, 30))
    raise SystemExit("giving up: database unreachable")


def main():
    logging.basicConfig(level=logging.INFO)
    pool = open_pool(os.environ["DATABASE_URL"])
    erp = requests.Session()
    erp.headers["Authorization"] = f"Token {os.environ['ERP_TOKEN']}"
    recorder = ScanRecorder(pool, erp, dock=os.environ.get("DOCK", "dock-1"))

    scanner = InputDevice(os.environ.get("SCANNER_DEVICE", "/dev/input/by-id/usb-scanner-event-kbd"))
    scanner.grab()
    buffer = []
    try:
        for event in scanner.read_loop():
            if event.type != ecodes.EV_KEY:
                continue
            key = categorize(event)
            if key.keystate != key.key_down:
                continue
            if key.keycode == "KEY_ENTER":
                if buffer:
                    recorder.record("".join(buffer))
                buffer.clear()
            elif key.keycode in KEYMAP:
                buffer.append(KEYMAP[key.keycode])
    finally:
        scanner.ungrab()
        erp.close()
        pool.close()


if __name__ == "__main__":
    main()
