"""Entry point: python -m labmon.main"""
import logging
import os
import sys
import time

import httpx
from psycopg_pool import ConnectionPool, PoolTimeout
from PyQt6.QtWidgets import QApplication, QMessageBox

from labmon.window import MainWindow

log = logging.getLogger("labmon")

DSN = os.environ.get("LAB_DSN", "postgresql://labmon@lab-db.local/instruments")
LIMS_URL = os.environ.get("LIMS_URL", "https://lims.example.org")
LIMS_TOKEN = os.environ.get("LIMS_TOKEN", "")


def open_pool() -> ConnectionPool:
    """Open the pool once; if the database is still booting, keep waiting."""
    pool = ConnectionPool(DSN, min_size=1, max_size=3, open=False, name="labmon")
    pool.open()
    for attempt in range(1, 7):
        try:
            pool.wait(timeout=5)
            return pool
        except PoolTimeout:
            log.warning("database not ready (attempt %d), retrying", attempt)
            time.sleep(2 * attempt)
    pool.close()
    raise RuntimeError("lab database unreachable")


def main():
    logging.basicConfig(level=logging.INFO)
    app = QApplication(sys.argv)
    try:
        pool = open_pool()
    except RuntimeError as exc:
        QMessageBox.critical(None, "Lab monitor", str(exc))
        return 1

    http = httpx.Client(
        base_url=LIMS_URL,
        headers={"Authorization": f"Bearer {LIMS_TOKEN}"},
        timeout=20.0,
    )
    window = MainWindow(pool, http)

    def cleanup():
        window.shutdown()
        http.close()
        pool.close()

    app.aboutToQuit.connect(cleanup)
    window.resize(900, 500)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
