"""Callbacks registered on the mpv player; invoked from mpv's event thread."""
import logging
from datetime import datetime, timezone

import httpx

from scrobbler import store

log = logging.getLogger("scrobbler")


class Scrobbler:
    def __init__(self, pool, http: httpx.Client, station: str):
        self.pool = pool
        self.http = http
        self.station = station
        self.current_id = None
        self.current_title = None

    def on_title(self, _name, value):
        """Observer for the 'media-title' property: fires on every track change."""
        if not value or value == self.current_title:
            return
        now = datetime.now(timezone.utc)
        if self.current_id is not None:
            store.finish_play(self.pool, self.current_id, now, "next")
        self.current_title = value
        self.current_id = store.insert_play(self.pool, self.station, value, now)
        self._now_playing(value)

    def on_end_file(self, event):
        if self.current_id is None:
            return
        store.finish_play(self.pool, self.current_id, datetime.now(timezone.utc), "end-file")
        self.current_id = None
        self.current_title = None

    def _now_playing(self, title):
        try:
            self.http.post(
                f"/stations/{self.station}/now-playing",
                json={"title": title},
            ).raise_for_status()
        except httpx.HTTPError as exc:
            log.warning("now-playing update failed: %s", exc)
