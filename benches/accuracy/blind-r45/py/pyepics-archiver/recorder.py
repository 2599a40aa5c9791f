"""PV monitor callbacks; pyepics calls them on the CA thread for every update."""
import logging
from datetime import datetime, timezone

log = logging.getLogger("archiver.recorder")

ALARM_THRESHOLD = 5e-8  # Torr


class Recorder:
    def __init__(self, pool, cache):
        self.pool = pool
        self.cache = cache

    def on_pressure(self, pvname=None, value=None, timestamp=None, severity=None, **kw):
        ts = datetime.fromtimestamp(timestamp, tz=timezone.utc)
        with self.pool.connection() as conn:
            conn.execute(
                "INSERT INTO pressure_samples (pv, value, severity, sampled_at)"
                " VALUES (%s, %s, %s, %s)",
                (pvname, value, severity, ts),
            )
        self.cache.hset("vacuum:latest", pvname, value)
        if value is not None and value > ALARM_THRESHOLD:
            self.cache.publish("vacuum:alarms", f"{pvname} {value:.2e}")

    def on_valve(self, pvname=None, char_value=None, timestamp=None, **kw):
        ts = datetime.fromtimestamp(timestamp, tz=timezone.utc)
        with self.pool.connection() as conn, conn.transaction():
            conn.execute(
                "INSERT INTO valve_events (pv, state, changed_at) VALUES (%s, %s, %s)",
                (pvname, char_value, ts),
            )
            conn.execute(
                "UPDATE valves SET state = %s, changed_at = %s WHERE pv = %s",
                (char_value, ts, pvname),
            )
        log.info("valve %s -> %s", pvname, char_value)
