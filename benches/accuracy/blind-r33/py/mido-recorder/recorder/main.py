"""Records MIDI note-on events from the practice keyboard.

mido calls on_message from its input thread for every incoming MIDI message;
the callback only enqueues. A single writer thread owns the DB connection.
"""
import logging
import os
import queue
import threading
import time

import mido
import requests

from recorder.db import connect_with_retry
from recorder.takes import Take

log = logging.getLogger("recorder")
events = queue.Queue(maxsize=10_000)
stop = threading.Event()


def on_message(msg):
    if msg.type == "note_on" and msg.velocity > 0:
        events.put_nowait((msg.note, msg.velocity, time.time()))


def writer(conn, http, summary_url):
    take = None
    buf = []
    while not stop.is_set():
        try:
            note, vel, ts = events.get(timeout=1.0)
        except queue.Empty:
            note = None
        if note is not None:
            if take is None or take.expired(ts):
                take = Take(started=ts)
            take.add(note, vel, ts)
            buf.append((note, vel, ts))

        if len(buf) >= 64 or (buf and note is None):
            with conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO notes (note, velocity, played_at) VALUES (%s, %s, to_timestamp(%s))",
                    buf,
                )
            conn.commit()
            buf.clear()

        if take is not None and take.expired():
            http.post(summary_url, json=take.summary(), timeout=5)
            take = None


def main():
    logging.basicConfig(level=logging.INFO)
    port_name = os.environ.get("MIDI_PORT") or mido.get_input_names()[0]
    conn = connect_with_retry()
    http = requests.Session()
    http.headers["X-Device"] = os.uname().nodename
    t = threading.Thread(
        target=writer,
        args=(conn, http, os.environ.get("SUMMARY_URL", "http://practice-log.local/api/takes")),
        daemon=True,
    )
    t.start()
    try:
        with mido.open_input(port_name, callback=on_message):
            log.info("recording from %s", port_name)
            while not stop.is_set():
                time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        t.join(timeout=5)
        http.close()
        conn.close()


if __name__ == "__main__":
    main()
