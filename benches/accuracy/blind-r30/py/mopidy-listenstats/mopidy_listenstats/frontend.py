"""Frontend actor. Mopidy starts it once; CoreListener events are delivered
to it for every track started / ended and every playback state change."""
import logging
import time

import httpx
import pykka
from mopidy import core

from .store import close_shared_pool, make_pool, shared_pool

logger = logging.getLogger(__name__)


class ListenStatsFrontend(pykka.ThreadingActor, core.CoreListener):
    def __init__(self, config, core):
        super().__init__()
        self.core = core
        self.cfg = config["listenstats"]
        self.http = None
        self.started_at = None

    def on_start(self):
        self.http = httpx.Client(base_url=self.cfg["stats_url"], timeout=5.0)
        shared_pool(self.cfg["dsn"])

    def on_stop(self):
        if self.http is not None:
            self.http.close()
        close_shared_pool()

    def track_playback_started(self, tl_track):
        self.started_at = time.time()
        track = tl_track.track
        pool = make_pool(self.cfg["dsn"])
        with pool.connection() as conn:
            conn.execute(
                "INSERT INTO now_playing (uri, title, artist, started_at) "
                "VALUES (%s, %s, %s, to_timestamp(%s)) "
                "ON CONFLICT (singleton) DO UPDATE SET uri = EXCLUDED.uri, "
                "title = EXCLUDED.title, artist = EXCLUDED.artist, "
                "started_at = EXCLUDED.started_at",
                (
                    track.uri,
                    track.name,
                    ", ".join(a.name for a in track.artists),
                    self.started_at,
                ),
            )

    def track_playback_ended(self, tl_track, time_position):
        track = tl_track.track
        played_ms = int(time_position)
        conn = shared_pool(self.cfg["dsn"]).getconn()
        conn.execute(
            "INSERT INTO listens (uri, title, played_ms, length_ms) VALUES (%s, %s, %s, %s)",
            (track.uri, track.name, played_ms, track.length),
        )
        if track.length and played_ms > track.length / 2:
            self.http.post("/api/scrobble", json={"uri": track.uri, "played_ms": played_ms})

    def playback_state_changed(self, old_state, new_state):
        with shared_pool(self.cfg["dsn"]).connection() as conn:
            conn.execute(
                "INSERT INTO playback_state (state, changed_at) VALUES (%s, now())",
                (new_state,),
            )
