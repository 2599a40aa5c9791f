"""MIDI input callback: python-rtmidi calls the handler once per incoming MIDI message."""
import logging
import time

from sqlalchemy import text

log = logging.getLogger(__name__)

NOTE_ON = 0x90
NOTE_OFF = 0x80


class FaderStartHandler:
    def __init__(self, engine, rds_session, rds_url, carts):
        self.engine = engine
        self.rds = rds_session
        self.rds_url = rds_url
        self.carts = carts
        self.opened = {}

    def __call__(self, event, data=None):
        message, _delta = event
        status, note, velocity = (message + [0, 0, 0])[:3]
        cart = self.carts.get(note)
        if cart is None:
            return
        if status & 0xF0 == NOTE_ON and velocity > 0:
            self.opened[note] = time.time()
            if cart.get("rds"):
                self._push_rds(cart["rds"])
        elif status & 0xF0 in (NOTE_OFF, NOTE_ON):
            started = self.opened.pop(note, None)
            if started is not None:
                self._log_play(cart, started, time.time() - started)

    def _log_play(self, cart, started, seconds):
        with self.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO play_log (cart, title, kind, started_at, seconds) "
                    "VALUES (:cart, :title, :kind, to_timestamp(:started), :seconds)"
                ),
                {
                    "cart": cart["cart"],
                    "title": cart["title"],
                    "kind": cart["kind"],
                    "started": started,
                    "seconds": round(seconds, 1),
                },
            )

    def _push_rds(self, radiotext):
        try:
            self.rds.post(self.rds_url, data={"rt": radiotext[:64]}, timeout=2)
        except Exception:
            log.warning("RDS encoder did not accept %r", radiotext)
