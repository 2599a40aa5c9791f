import logging
import os
import time
from datetime import datetime, timezone

from pychromecast.controllers.media import MediaStatus, MediaStatusListener
from pymongo import MongoClient

from . import lastfm

log = logging.getLogger(__name__)

# Last.fm rule: scrobble once a track has played for half its length or 4 minutes.
MIN_PLAYED = 240


class ScrobbleListener(MediaStatusListener):
    """Registered once per Chromecast; new_media_status fires on every status push
    (play, pause, seek, volume, every few seconds while buffering...)."""

    def __init__(self, device_name: str):
        self.device_name = device_name
        self._current = None  # (content_id, started_at, duration, meta)
        self._scrobbled = set()

    def new_media_status(self, status: MediaStatus) -> None:
        if status.content_id is None or status.player_state not in ("PLAYING", "PAUSED", "IDLE"):
            return

        if self._current is None or self._current[0] != status.content_id:
            self._current = (status.content_id, int(time.time()), status.duration or 0, status)
            return

        content_id, started, duration, _ = self._current
        played = status.adjusted_current_time or 0
        if content_id in self._scrobbled:
            return
        if played < min(MIN_PLAYED, duration / 2 if duration else MIN_PLAYED):
            return

        history = MongoClient(os.environ["MONGO_URL"], appname="cast-scrobbler")
        history.listening.plays.insert_one(
            {
                "device": self.device_name,
                "content_id": content_id,
                "artist": status.artist,
                "title": status.title,
                "album": status.album_name,
                "started_at": datetime.fromtimestamp(started, tz=timezone.utc),
                "played_s": int(played),
            }
        )

        if status.artist and status.title:
            session = lastfm.make_session()
            try:
                lastfm.scrobble(session, status.artist, status.title, status.album_name, started)
            except Exception:
                log.exception("last.fm scrobble failed for %s - %s", status.artist, status.title)
        self._scrobbled.add(content_id)

    def load_media_failed(self, queue_item_id: int, error_code: int) -> None:
        log.warning("%s: load failed item=%s code=%s", self.device_name, queue_item_id, error_code)
