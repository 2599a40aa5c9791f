"""Raspberry Pi doorbell: button + PIR sensor, snapshots to S3, push via ntfy."""
import logging
import os
import signal
import subprocess
import tempfile
import threading
import time
from datetime import datetime, timezone

from gpiozero import LED, Button, MotionSensor
from sqlalchemy import text

import clients

log = logging.getLogger("doorbell")

NTFY_URL = os.environ.get("NTFY_URL", "https://ntfy.example.net/front-door")
BUCKET = os.environ.get("SNAPSHOT_BUCKET", "home-doorbell-snapshots")
INSERT_EVENT = text(
    "INSERT INTO doorbell_events (kind, happened_at, snapshot_key) VALUES (:kind, :at, :key)"
)


class Doorbell:
    def __init__(self, engine, http, s3):
        self.engine = engine
        self.http = http
        self.s3 = s3
        self.led = LED(27)
        self._last_motion = 0.0

    def _snapshot(self, kind):
        stamp = datetime.now(timezone.utc)
        key = f"{stamp:%Y/%m/%d}/{kind}-{stamp:%H%M%S}.jpg"
        with tempfile.NamedTemporaryFile(suffix=".jpg") as tmp:
            subprocess.run(
                ["rpicam-still", "-n", "-t", "1", "--width", "1280", "--height", "720", "-o", tmp.name],
                check=True,
                timeout=10,
            )
            self.s3.upload_file(tmp.name, BUCKET, key, ExtraArgs={"ContentType": "image/jpeg"})
        return stamp, key

    def _record(self, kind, stamp, key):
        with self.engine.begin() as conn:
            conn.execute(INSERT_EVENT, {"kind": kind, "at": stamp, "key": key})

    def on_ring(self):
        self.led.blink(on_time=0.2, off_time=0.2, n=10)
        stamp, key = self._snapshot("ring")
        self._record("ring", stamp, key)
        self.http.post(
            NTFY_URL,
            data="Someone is at the front door",
            headers={"Title": "Doorbell", "Priority": "high", "Tags": "bell"},
            timeout=5,
        )

    def on_motion(self):
        now = time.monotonic()
        if now - self._last_motion < 60:
            return
        self._last_motion = now
        stamp, key = self._snapshot("motion")
        self._record("motion", stamp, key)

    def heartbeat(self, stop):
        while not stop.wait(300):
            try:
                self.http.post(f"{NTFY_URL}-health", data="alive", timeout=5)
            except Exception:
                log.warning("heartbeat failed", exc_info=True)


def main():
    logging.basicConfig(level=logging.INFO)
    engine = clients.make_engine()
    bell = Doorbell(engine, clients.make_http(), clients.make_s3())

    button = Button(17, pull_up=True, bounce_time=0.2)
    pir = MotionSensor(4, queue_len=5, threshold=0.6)
    button.when_pressed = bell.on_ring
    pir.when_motion = bell.on_motion

    stop = threading.Event()
    threading.Thread(target=bell.heartbeat, args=(stop,), daemon=True).start()
    log.info("doorbell armed")
    try:
        signal.pause()
    finally:
        stop.set()
        bell.http.close()
        engine.dispose()


if __name__ == "__main__":
    main()
