"""Long-running daemon: listens to the Plex server's websocket alerts and logs
who watched what (play / pause / stop transitions) into Postgres."""

import logging
import os
import signal
import threading
from functools import lru_cache

import redis
from plexapi.server import PlexServer
from psycopg_pool import ConnectionPool

from db import build_pool

log = logging.getLogger("plex-watchlog")


class WatchLogger:
    def __init__(self, plex: PlexServer, pool: ConnectionPool, cache: redis.Redis):
        self.plex = plex
        self.pool = pool
        self.cache = cache

    @lru_cache(maxsize=2048)
    def _title(self, rating_key: str) -> str:
        item = self.plex.fetchItem(int(rating_key))
        if item.type == "episode":
            return f"{item.grandparentTitle} - {item.seasonEpisode} - {item.title}"
        return item.title

    # called by the AlertListener thread for every websocket notification
    def on_alert(self, data: dict) -> None:
        if data.get("type") != "playing":
            return
        for note in data.get("PlaySessionStateNotification", []):
            self._handle(note)

    def _handle(self, note: dict) -> None:
        session_key = note["sessionKey"]
        state = note["state"]
        last = self.cache.getset(f"plex:session:{session_key}", state)
        self.cache.expire(f"plex:session:{session_key}", 6 * 3600)
        if last == state:
            return  # progress tick, nothing changed

        title = self._title(note["ratingKey"])
        with self.pool.connection() as conn:
            conn.execute(
                "INSERT INTO play_events (session_key, rating_key, title, state, view_offset_ms) "
                "VALUES (%s, %s, %s, %s, %s)",
                (session_key, note["ratingKey"], title, state, note.get("viewOffset", 0)),
            )
        log.info("%s -> %s", title, state)


def on_error(exc: Exception) -> None:
    log.warning("alert listener error: %s", exc)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    plex = PlexServer(os.environ["PLEX_URL"], os.environ["PLEX_TOKEN"])
    pool = build_pool(os.environ["DATABASE_URL"])
    cache = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/5"), decode_responses=True)
    watcher = WatchLogger(plex, pool, cache)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())

    listener = plex.startAlertListener(callback=watcher.on_alert, callbackError=on_error)
    while not stop.wait(30):
        if not listener.is_alive():
            log.warning("alert websocket closed, re-subscribing")
            listener = plex.startAlertListener(callback=watcher.on_alert, callbackError=on_error)

    listener.stop()
    pool.close()
    cache.close()


if __name__ == "__main__":
    main()
