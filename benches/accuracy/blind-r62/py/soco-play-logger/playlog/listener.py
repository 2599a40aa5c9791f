"""Sonos play logger (systemd unit playlog.service on the Raspberry Pi).

Subscribes to the AVTransport service of one speaker; SoCo's event listener
thread queues one event per transport change (track change, play, pause).
"""
import logging
import os
import queue
from datetime import datetime

import requests
import soco
from soco.events import event_listener

from playlog.db import make_pool, wait_for_db

log = logging.getLogger("playlog")

NTFY_TOPIC = os.environ.get("NTFY_TOPIC", "https://ntfy.sh/family-sonos")


def handle_event(event, room, pool, ntfy):
    state = event.variables.get("transport_state")
    track = event.variables.get("current_track_meta_data")
    if state != "PLAYING" or track is None or not getattr(track, "title", None):
        return

    with pool.connection() as conn:
        last = conn.execute(
            "SELECT title FROM plays WHERE room = %s ORDER BY played_at DESC LIMIT 1", (room,)
        ).fetchone()
        if last and last[0] == track.title:
            return
        conn.execute(
            "INSERT INTO plays (room, title, artist, album, played_at) VALUES (%s, %s, %s, %s, now())",
            (room, track.title, getattr(track, "creator", None), getattr(track, "album", None)),
        )

    if datetime.now().hour >= 23 or datetime.now().hour < 6:
        ntfy.post(NTFY_TOPIC, data=f"{room}: {track.title}".encode(), headers={"Title": "Late-night music"}, timeout=5)


def main():
    logging.basicConfig(level=logging.INFO)
    wait_for_db()
    pool = make_pool()
    ntfy = requests.Session()

    speaker = soco.discovery.by_name(os.environ.get("SONOS_ROOM", "Living Room"))
    if speaker is None:
        raise SystemExit("speaker not found on the network")
    room = speaker.player_name
    sub = speaker.avTransport.subscribe(auto_renew=True)
    log.info("subscribed to %s (%s)", room, sub.sid)

    try:
        while True:
            try:
                event = sub.events.get(timeout=1.0)
            except queue.Empty:
                continue
            try:
                handle_event(event, room, pool, ntfy)
            except Exception:
                log.exception("could not record event")
    except KeyboardInterrupt:
        pass
    finally:
        sub.unsubscribe()
        event_listener.stop()
        ntfy.close()
        pool.close()


if __name__ == "__main__":
    main()
