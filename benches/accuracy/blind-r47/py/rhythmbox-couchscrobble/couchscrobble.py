import os
import time
from datetime import timedelta

import gi

gi.require_version("Peas", "1.0")
gi.require_version("RB", "3.0")

import httpx  # noqa: E402
from couchbase.auth import PasswordAuthenticator  # noqa: E402
from couchbase.cluster import Cluster  # noqa: E402
from couchbase.exceptions import CouchbaseException  # noqa: E402
from couchbase.options import ClusterOptions  # noqa: E402
from gi.repository import GObject, Peas, RB  # noqa: E402

CB_CONNSTR = os.environ.get("SCROBBLE_CB", "couchbase://couchbase.home.lan")
CB_USER = os.environ.get("SCROBBLE_CB_USER", "scrobbler")
CB_PASSWORD = os.environ.get("SCROBBLE_CB_PASSWORD", "")
NOW_PLAYING_URL = os.environ.get("SCROBBLE_NOW_PLAYING", "http://hass.home.lan:8123/api/webhook/now_playing")


class CouchScrobblerPlugin(GObject.Object, Peas.Activatable):
    __gtype_name__ = "CouchScrobblerPlugin"
    object = GObject.Property(type=GObject.Object)

    def __init__(self):
        super().__init__()
        self._cluster = None
        self._plays = None
        self._http = None
        self._song_changed_id = None

    def do_activate(self):
        shell = self.object
        self._cluster = Cluster(
            CB_CONNSTR, ClusterOptions(PasswordAuthenticator(CB_USER, CB_PASSWORD))
        )
        self._cluster.wait_until_ready(timedelta(seconds=5))
        self._plays = self._cluster.bucket("listening").scope("_default").collection("plays")
        self._http = httpx.Client(timeout=2.0)

        player = shell.props.shell_player
        self._song_changed_id = player.connect("playing-song-changed", self._on_song_changed)

    def do_deactivate(self):
        shell = self.object
        if self._song_changed_id is not None:
            shell.props.shell_player.disconnect(self._song_changed_id)
            self._song_changed_id = None
        if self._http is not None:
            self._http.close()
            self._http = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
            self._plays = None

    def _on_song_changed(self, player, entry):
        if entry is None:
            return
        track = {
            "title": entry.get_string(RB.RhythmDBPropType.TITLE),
            "artist": entry.get_string(RB.RhythmDBPropType.ARTIST),
            "album": entry.get_string(RB.RhythmDBPropType.ALBUM),
            "duration": entry.get_ulong(RB.RhythmDBPropType.DURATION),
            "user": os.environ.get("USER", "unknown"),
            "played_at": int(time.time()),
        }
        key = f"play::{track['user']}::{track['played_at']}"
        try:
            self._plays.upsert(key, track)
        except CouchbaseException as exc:
            print(f"couchscrobble: upsert failed: {exc}")
        try:
            self._http.post(NOW_PLAYING_URL, json=track)
        except httpx.HTTPError as exc:
            print(f"couchscrobble: now-playing webhook failed: {exc}")
