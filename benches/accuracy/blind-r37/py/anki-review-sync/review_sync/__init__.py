"""Anki add-on: buffers answered cards and pushes them to the team dashboard.

reviewer_did_answer_card fires once per answered card; it only appends to a buffer.
The QTimer flush sends the buffer with the shared session from client.py.
"""
import time

from aqt import gui_hooks, mw
from aqt.qt import QTimer
from aqt.utils import tooltip

from . import client

_buffer: list[dict] = []
_timer: QTimer | None = None


def _config() -> dict:
    return mw.addonManager.getConfig(__name__) or {}


def on_answer(reviewer, card, ease) -> None:
    _buffer.append(
        {"card_id": card.id, "deck_id": card.did, "ease": ease,
         "taken_ms": card.time_taken(), "ts": int(time.time())}
    )


def _post(batch: list[dict]) -> int:
    cfg = _config()
    session = client.get_session(cfg.get("token", ""))
    resp = session.post(cfg["endpoint"], json={"reviews": batch}, timeout=15)
    resp.raise_for_status()
    return len(batch)


def flush() -> None:
    if not _buffer:
        return
    batch = _buffer[:]
    _buffer.clear()

    def on_done(fut) -> None:
        try:
            sent = fut.result()
        except Exception as exc:  # network down: requeue and try next tick
            _buffer[:0] = batch
            tooltip(f"Review sync failed: {exc}")
            return
        tooltip(f"Synced {sent} reviews", period=1500)

    mw.taskman.run_in_background(lambda: _post(batch), on_done)


def on_profile_open() -> None:
    global _timer
    client.get_session(_config().get("token", ""))
    _timer = QTimer(mw)
    _timer.timeout.connect(flush)
    _timer.start(int(_config().get("flush_seconds", 120)) * 1000)


def on_profile_close() -> None:
    global _timer
    if _timer is not None:
        _timer.stop()
        _timer = None
    if _buffer:
        try:
            _post(_buffer[:])
            _buffer.clear()
        except Exception:
            pass
    client.close_session()


gui_hooks.reviewer_did_answer_card.append(on_answer)
gui_hooks.profile_did_open.append(on_profile_open)
gui_hooks.profile_will_close.append(on_profile_close)
