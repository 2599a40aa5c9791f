import logging

import httpx
from bluesky.callbacks import CallbackBase
from sqlalchemy import text

log = logging.getLogger(__name__)


class RunLogger(CallbackBase):
    """Receives every document the RunEngine emits; writes one row per run."""

    def __init__(self, engine, http, channel):
        super().__init__()
        self.engine = engine
        self.http = http
        self.channel = channel
        self._start = None
        self._peaks = {}
        self._events = 0

    def start(self, doc):
        self._start = doc
        self._peaks = {}
        self._events = 0

    def event(self, doc):
        self._events += 1
        for key, value in doc["data"].items():
            if isinstance(value, (int, float)):
                self._peaks[key] = max(self._peaks.get(key, value), value)

    def stop(self, doc):
        start = self._start or {}
        with self.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO runs (uid, plan_name, proposal, sample, started, finished, "
                    "exit_status, n_events) VALUES (:uid, :plan, :proposal, :sample, "
                    "to_timestamp(:t0), to_timestamp(:t1), :status, :n)"
                ),
                {
                    "uid": doc["run_start"],
                    "plan": start.get("plan_name"),
                    "proposal": start.get("proposal"),
                    "sample": start.get("sample"),
                    "t0": start.get("time"),
                    "t1": doc["time"],
                    "status": doc["exit_status"],
                    "n": self._events,
                },
            )
        if doc["exit_status"] != "success":
            try:
                self.http.post(
                    self.channel,
                    json={"text": f"run {doc['run_start'][:8]} ended: {doc['exit_status']}"},
                )
            except httpx.HTTPError:
                log.warning("could not notify about run %s", doc["run_start"])
