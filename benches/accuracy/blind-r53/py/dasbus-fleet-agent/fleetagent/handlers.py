"""D-Bus signal handlers. dasbus calls each handler once per emitted signal."""
import logging
import socket
import time

from sqlalchemy import text

from fleetagent.clients import FLEET_API, get_redis

log = logging.getLogger(__name__)

NM_STATES = {20: "asleep", 30: "disconnected", 40: "disconnecting", 50: "connecting",
             60: "connected_local", 70: "connected_site", 80: "connected_global"}


class FleetRecorder:
    def __init__(self, engine, http):
        self.engine = engine
        self.http = http
        self.host = socket.gethostname()
        self._suspended_at = None

    def _event(self, kind, detail=None):
        with self.engine.begin() as conn:
            conn.execute(
                text("INSERT INTO host_events (host, kind, detail, at) VALUES (:h, :k, :d, now())"),
                {"h": self.host, "k": kind, "d": detail},
            )
        get_redis().hset(f"fleet:last:{self.host}", mapping={"kind": kind, "at": int(time.time())})

    def on_prepare_for_sleep(self, going_to_sleep):
        if going_to_sleep:
            self._suspended_at = time.monotonic()
            self._event("suspend")
            return
        slept = None if self._suspended_at is None else int(time.monotonic() - self._suspended_at)
        self._event("resume", f"slept={slept}s")

    def on_session_new(self, session_id, object_path):
        self._event("session_new", f"{session_id} {object_path}")

    def on_session_removed(self, session_id, object_path):
        self._event("session_removed", session_id)

    def on_nm_state_changed(self, state):
        name = NM_STATES.get(state, str(state))
        self._event("network", name)
        if state == 70 or state == 80:
            try:
                self.http.post(f"{FLEET_API}/checkin", json={"host": self.host, "net": name},
                               timeout=10)
            except Exception:
                log.exception("check-in failed")
