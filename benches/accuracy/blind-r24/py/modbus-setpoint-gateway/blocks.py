"""Holding-register blocks with side effects on write.

pymodbus calls setValues() once for every write request a SCADA master
sends (function codes 6 and 16), and getValues() for every read.
"""
import json
import logging
import os
import time

import psycopg
from pymodbus.datastore import ModbusSequentialDataBlock

from cache import CHANNEL, make_redis, remember_setpoint

log = logging.getLogger(__name__)

AUDIT_DSN = os.environ.get("AUDIT_DSN", "postgresql://bms:bms@db:5432/bms")

# register address -> (zone, point name, scale)
POINTS = {
    0: ("ahu-1", "supply_air_setpoint", 10),
    1: ("ahu-1", "static_pressure_setpoint", 100),
    2: ("ahu-2", "supply_air_setpoint", 10),
    3: ("ahu-2", "static_pressure_setpoint", 100),
    10: ("chiller-1", "chw_setpoint", 10),
    11: ("boiler-1", "hw_setpoint", 10),
}


class SetpointBlock(ModbusSequentialDataBlock):
    """Holding registers 0..63: writable setpoints, audited and broadcast."""

    def __init__(self, address, values, source="scada"):
        super().__init__(address, values)
        self.source = source

    def setValues(self, address, values):
        before = super().getValues(address, len(values))
        super().setValues(address, values)
        changes = []
        for offset, (old, new) in enumerate(zip(before, values)):
            reg = address + offset - 1
            if reg in POINTS and old != new:
                zone, point, scale = POINTS[reg]
                changes.append((zone, point, old / scale, new / scale))
        if not changes:
            return
        try:
            with psycopg.connect(AUDIT_DSN, connect_timeout=3) as conn:
                conn.cursor().executemany(
                    "INSERT INTO setpoint_audit (zone, point, old_value, new_value, source)"
                    " VALUES (%s, %s, %s, %s, %s)",
                    [(z, p, o, n, self.source) for z, p, o, n in changes],
                )
        except psycopg.Error:
            log.exception("audit insert failed for %s", changes)
        bus = make_redis()
        for zone, point, old, new in changes:
            bus.publish(
                CHANNEL,
                json.dumps({"zone": zone, "point": point, "old": old,
                            "new": new, "ts": time.time()}),
            )
            remember_setpoint(bus, zone, point, new)


class TelemetryBlock(ModbusSequentialDataBlock):
    """Input registers fed by the field poller thread; read-only for masters."""

    def update_from_poller(self, address, values):
        super().setValues(address, values)
