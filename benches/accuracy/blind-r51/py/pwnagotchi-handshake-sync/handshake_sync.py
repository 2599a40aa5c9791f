import logging
import os
import sqlite3
import threading
from contextlib import closing

import boto3
import requests

import pwnagotchi.plugins as plugins

_s3 = None
_s3_lock = threading.Lock()


def s3_client():
    """One S3 client for the lifetime of the pwnagotchi process."""
    global _s3
    with _s3_lock:
        if _s3 is None:
            _s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-central-1"))
        return _s3


class HandshakeSync(plugins.Plugin):
    __author__ = "lab@example.org"
    __version__ = "1.2.0"
    __license__ = "GPL3"
    __description__ = "Queues captured handshakes locally and uploads them to the lab API when online."

    def __init__(self):
        self.ready = False
        self.session = None
        self.lock = threading.Lock()

    def _queue(self):
        return sqlite3.connect(self.options.get("queue_db", "/root/handshake_sync.db"), timeout=10)

    def on_loaded(self):
        with closing(self._queue()) as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS pending ("
                " path TEXT PRIMARY KEY, bssid TEXT, essid TEXT, client TEXT, uploaded INTEGER DEFAULT 0)"
            )
            db.commit()
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {self.options['api_token']}"
        self.ready = True
        logging.info("[handshake_sync] loaded")

    def on_unload(self, ui):
        self.ready = False
        if self.session is not None:
            self.session.close()
        logging.info("[handshake_sync] unloaded")

    def on_handshake(self, agent, filename, access_point, client_station):
        # Called for every captured handshake; only records it in the local queue.
        with closing(self._queue()) as db:
            db.execute(
                "INSERT OR IGNORE INTO pending (path, bssid, essid, client) VALUES (?, ?, ?, ?)",
                (
                    filename,
                    access_point.get("mac", ""),
                    access_point.get("hostname", ""),
                    client_station.get("mac", ""),
                ),
            )
            db.commit()

    def on_internet_available(self, agent):
        # Called on every epoch while online, so keep it cheap and non-reentrant.
        if not self.ready or not self.lock.acquire(blocking=False):
            return
        try:
            with closing(self._queue()) as db:
                rows = db.execute(
                    "SELECT path, bssid, essid, client FROM pending WHERE uploaded = 0 LIMIT 20"
                ).fetchall()
                for path, bssid, essid, client in rows:
                    if not os.path.exists(path):
                        db.execute("DELETE FROM pending WHERE path = ?", (path,))
                        continue
                    key = f"{agent.config()['main']['name']}/{os.path.basename(path)}"
                    s3_client().upload_file(path, self.options["bucket"], key)
                    resp = self.session.post(
                        f"{self.options['api_url']}/handshakes",
                        json={"bssid": bssid, "essid": essid, "client": client, "s3_key": key},
                        timeout=15,
                    )
                    if resp.ok:
                        db.execute("UPDATE pending SET uploaded = 1 WHERE path = ?", (path,))
                db.commit()
        except requests.RequestException as e:
            logging.warning("[handshake_sync] upload failed: %s", e)
        finally:
            self.lock.release()
