"""Periodic freezer refresh driven by Enaml's timed_call on the GUI thread."""
import logging

import requests
from atom.api import Atom, Dict, List, Str
from enaml.application import timed_call

log = logging.getLogger("biobank.poller")


class DeskModel(Atom):
    sample = Dict()
    readings = List()
    status = Str("starting")


class FreezerPoller:
    """Re-schedules itself every interval_ms until stopped."""

    def __init__(self, services, model, interval_ms=30_000):
        self.services = services
        self.model = model
        self.interval_ms = interval_ms
        self._running = False

    def start(self):
        self._running = True
        self._tick()

    def stop(self):
        self._running = False

    def _tick(self):
        if not self._running:
            return
        try:
            readings = self.services.freezer_readings()
            self.model.readings = readings
            alarms = [r["name"] for r in readings if r["temp_c"] > r["alarm_above_c"]]
            self.model.status = ("ALARM: " + ", ".join(alarms)) if alarms else "all freezers ok"
        except requests.RequestException as exc:
            log.warning("freezer refresh failed: %s", exc)
            self.model.status = f"LIMS unreachable ({exc.__class__.__name__})"
        timed_call(self.interval_ms, self._tick)
