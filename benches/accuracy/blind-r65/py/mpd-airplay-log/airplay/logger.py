"""Blocks in MPD's idle('player'); one loop iteration per player state change."""
import base64
import logging
import os
import time
import urllib.parse
import urllib.request

from mpd import ConnectionError as MPDConnectionError
from mpd import MPDClient

from .store import log_play, make_engine

log = logging.getLogger("airplay")

MPD_HOST = os.environ.get("MPD_HOST", "localhost")
MPD_PORT = int(os.environ.get("MPD_PORT", "6600"))
ICECAST_ADMIN = os.environ.get("ICECAST_ADMIN", "http://localhost:8000/admin/metadata")
ICECAST_MOUNT = os.environ.get("ICECAST_MOUNT", "/live")
ICECAST_AUTH = base64.b64encode(os.environ.get("ICECAST_CREDENTIALS", "admin:hackme").encode()).decode()


def connect(client: MPDClient) -> None:
    """Retry until MPD answers, then return; the same MPDClient object is reused."""
    delay = 1
    while True:
        try:
            client.connect(MPD_HOST, MPD_PORT)
            return
        except (OSError, MPDConnectionError):
            log.warning("MPD not reachable, retrying in %ss", delay)
            time.sleep(delay)
            delay = min(delay * 2, 30)


def push_icecast_metadata(song: dict) -> None:
    # plain urllib: one short request per track change, no connection pool involved
    title = f"{song.get('artist', '')} - {song.get('title', '')}".strip(" -")
    query = urllib.parse.urlencode({"mount": ICECAST_MOUNT, "mode": "updinfo", "song": title})
    req = urllib.request.Request(f"{ICECAST_ADMIN}?{query}", headers={"Authorization": f"Basic {ICECAST_AUTH}"})
    try:
        urllib.request.urlopen(req, timeout=5).close()
    except OSError:
        log.warning("icecast metadata update failed for %r", title)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    engine = make_engine()
    client = MPDClient()
    client.timeout = 10
    client.idletimeout = None
    connect(client)
    last_file = None
    try:
        while True:
            try:
                client.idle("player")
                status = client.status()
                song = client.currentsong()
            except MPDConnectionError:
                log.warning("lost MPD connection, reconnecting")
                try:
                    client.disconnect()
                except MPDConnectionError:
                    pass
                connect(client)
                continue
            if status.get("state") != "play" or not song or song.get("file") == last_file:
                continue
            last_file = song["file"]
            log_play(engine, song)
            push_icecast_metadata(song)
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
