"""Mirror greenhouse sensor data from Firebase Realtime Database to Postgres.

The ESP32 controllers write to /telemetry/<greenhouse>/<sensor> and raise
/alarms/<id>. This daemon keeps two streaming listeners open; the Admin SDK
invokes the callbacks on its own thread for every put/patch event.
"""
import logging
import os
import signal
import threading

import firebase_admin
from firebase_admin import credentials, db

from watcher import handlers

log = logging.getLogger("watcher")


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")

    cred = credentials.Certificate(os.environ["GOOGLE_APPLICATION_CREDENTIALS"])
    firebase_admin.initialize_app(cred, {"databaseURL": os.environ["FIREBASE_DB_URL"]})

    registrations = [
        db.reference("/telemetry").listen(handlers.on_telemetry),
        db.reference("/alarms").listen(handlers.on_alarm),
    ]
    log.info("listening on /telemetry and /alarms")

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()

    for reg in registrations:
        reg.close()
    handlers.shutdown()
    log.info("watcher stopped")


if __name__ == "__main__":
    main()
