"""Plover extension entry point.

Plover instantiates StrokeCaptions once with the running StenoEngine and calls
start()/stop() when the user toggles the extension in the plugins manager.
The engine then fires 'stroked' for every chord and 'translated' for every
translation while the writer is on the machine.
"""
import getpass
import logging
import os

import httpx
from plover.engine import StenoEngine
from psycopg_pool import ConnectionPool

from .storage import INSERT_STROKE, open_pool

log = logging.getLogger(__name__)

CAPTION_SERVER = os.environ.get("CART_CAPTION_URL", "https://captions.internal")
EVENT_ID = os.environ.get("CART_EVENT_ID", "")


class StrokeCaptions:
    def __init__(self, engine: StenoEngine) -> None:
        self.engine = engine
        self.writer = getpass.getuser()
        self.pool: ConnectionPool | None = None
        self.sequence = 0

    def start(self) -> None:
        self.pool = open_pool()
        self.engine.hook_connect("stroked", self.on_stroked)
        self.engine.hook_connect("translated", self.on_translated)

    def stop(self) -> None:
        self.engine.hook_disconnect("stroked", self.on_stroked)
        self.engine.hook_disconnect("translated", self.on_translated)
        if self.pool is not None:
            self.pool.close()
            self.pool = None

    def on_stroked(self, stroke) -> None:
        if self.pool is None:
            return
        conn = self.pool.getconn()
        steno = stroke.rtfcre
        if not steno:
            # Empty chord from a noisy machine: nothing to record.
            return
        with conn.cursor() as cur:
            cur.execute(INSERT_STROKE, (self.writer, steno, stroke.is_correction))
        conn.commit()
        self.pool.putconn(conn)

    def on_translated(self, old, new) -> None:
        if not EVENT_ID:
            return
        undone = sum(len(a.text or "") for a in old)
        text = "".join(a.text or "" for a in new)
        if not text and not undone:
            return
        self.sequence += 1
        payload = {
            "event": EVENT_ID,
            "seq": self.sequence,
            "backspaces": undone,
            "text": text,
        }
        try:
            with httpx.Client(base_url=CAPTION_SERVER, timeout=2.0) as client:
                client.post("/api/v1/caption-frames", json=payload)
        except httpx.HTTPError as exc:
            log.warning("caption frame %s not delivered: %s", self.sequence, exc)
