import time

from sqlalchemy import text
from tango import AttrQuality, DevState
from tango.server import Device, attribute, command, device_property, run

from vacuum_ds import clients


class VacuumGauge(Device):
    """One device per gauge; readings come from the PLC gateway via Redis."""

    GaugeId = device_property(dtype=str, mandatory=True)
    ArchivePeriod = device_property(dtype=int, default_value=60)
    InterlockLimit = device_property(dtype=float, default_value=1e-5)

    def init_device(self):
        super().init_device()
        self._redis = clients.get_redis()
        self._engine = clients.get_engine()
        self._last_archive = 0.0
        self.set_state(DevState.ON)
        self.set_status(f"gauge {self.GaugeId} online")

    # read by every Tango client and by the polling thread (1 s)
    @attribute(dtype=float, unit="mbar", format="%.2e", polling_period=1000)
    def pressure(self):
        raw = self._redis.hget(f"gauge:{self.GaugeId}", "pressure")
        if raw is None:
            self.set_state(DevState.FAULT)
            return float("nan"), time.time(), AttrQuality.ATTR_INVALID
        value = float(raw)
        self.set_state(DevState.ALARM if value > self.InterlockLimit else DevState.ON)
        now = time.monotonic()
        if now - self._last_archive >= self.ArchivePeriod:
            self._archive(value)
            self._last_archive = now
        return value

    @attribute(dtype=float, unit="mbar", format="%.2e")
    def pressure_max_1h(self):
        with self._engine.connect() as conn:
            row = conn.execute(
                text(
                    "SELECT max(pressure) AS p FROM readings "
                    "WHERE gauge = :g AND at > now() - interval '1 hour'"
                ),
                {"g": self.GaugeId},
            ).one()
        return row.p if row.p is not None else float("nan")

    def _archive(self, value):
        with self._engine.begin() as conn:
            conn.execute(
                text("INSERT INTO readings (gauge, pressure, at) VALUES (:g, :p, now())"),
                {"g": self.GaugeId, "p": value},
            )

    @command(dtype_in=str, doc_in="operator note", dtype_out=int, doc_out="annotation id")
    def Annotate(self, note):
        with self._engine.begin() as conn:
            row = conn.execute(
                text(
                    "INSERT INTO annotations (gauge, note, at) VALUES (:g, :n, now()) "
                    "RETURNING id"
                ),
                {"g": self.GaugeId, "n": note},
            ).one()
        return row.id

    @command
    def Degas(self):
        self._redis.publish(f"gauge:{self.GaugeId}:cmd", "degas")
        self.set_status(f"gauge {self.GaugeId} degassing")


def main(args=None, **kwargs):
    return run((VacuumGauge,), args=args, **kwargs)


if __name__ == "__main__":
    main()
