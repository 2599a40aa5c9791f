import logging
import time

import requests
from gi.repository import Gtk

from quodlibet import _
from quodlibet.plugins.events import EventPlugin
from quodlibet.qltk import Icons

from . import charts, db
from .settings import MB_API, MIN_PLAYED_SECONDS, USER_AGENT

log = logging.getLogger("listenlog")


class ListenLog(EventPlugin):
    PLUGIN_ID = "listenlog"
    PLUGIN_NAME = _("Listen Log")
    PLUGIN_DESC = _("Records every play in the household listening database.")
    PLUGIN_ICON = Icons.DOCUMENT_SAVE

    def enabled(self):
        self._started_at = None
        self._genre = None

    def disabled(self):
        self._started_at = None

    def plugin_on_song_started(self, song):
        self._started_at = time.monotonic()
        self._genre = song.get("genre")
        mbid = song.get("musicbrainz_trackid")
        if self._genre or not mbid:
            return
        mb = requests.Session()
        mb.headers["User-Agent"] = USER_AGENT
        try:
            resp = mb.get(
                f"{MB_API}/recording/{mbid}",
                params={"inc": "genres", "fmt": "json"},
                timeout=5,
            )
            genres = resp.json().get("genres", []) if resp.ok else []
            if genres:
                self._genre = max(genres, key=lambda g: g["count"])["name"]
        except requests.RequestException:
            log.debug("musicbrainz lookup failed for %s", mbid)

    def plugin_on_song_ended(self, song, stopped):
        if song is None or self._started_at is None:
            return
        seconds = int(time.monotonic() - self._started_at)
        self._started_at = None
        if seconds < MIN_PLAYED_SECONDS:
            return
        with db.Session() as session, session.begin():
            session.add(
                db.Listen(
                    artist=song.comma("artist") or "Unknown",
                    title=song.comma("title") or song("~basename"),
                    album=song.get("album"),
                    mbid=song.get("musicbrainz_trackid"),
                    genre=self._genre,
                    seconds=seconds,
                )
            )

    def PluginPreferences(self, parent):
        box = Gtk.VBox(spacing=6)
        box.pack_start(Gtk.Label(label=_("Top artists this week")), False, False, 0)
        try:
            for artist, plays in charts.top_artists():
                box.pack_start(Gtk.Label(label=f"{artist} — {plays}", xalign=0), False, False, 0)
        except Exception:
            log.exception("could not load chart")
            box.pack_start(Gtk.Label(label=_("Database unavailable")), False, False, 0)
        return box
