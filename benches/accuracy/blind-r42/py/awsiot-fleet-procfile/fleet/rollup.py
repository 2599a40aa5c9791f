import logging
import signal
import threading

from sqlalchemy import text

from .db import make_engine

log = logging.getLogger("fleet.rollup")

ROLLUP = text(
    """
    INSERT INTO telemetry_5m (vehicle_id, bucket, avg_speed_kmh, min_fuel_pct, samples)
    SELECT vehicle_id, date_bin('5 minutes', ts, TIMESTAMPTZ '2000-01-01'), avg(speed_kmh), min(fuel_pct), count(*)
    FROM telemetry_raw
    WHERE ts >= now() - interval '15 minutes'
    GROUP BY 1, 2
    ON CONFLICT (vehicle_id, bucket) DO UPDATE
    SET avg_speed_kmh = EXCLUDED.avg_speed_kmh, min_fuel_pct = EXCLUDED.min_fuel_pct, samples = EXCLUDED.samples
    """
)


def main():
    logging.basicConfig(level=logging.INFO)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    engine = make_engine(pool_size=1)
    try:
        while not stop.is_set():
            with engine.begin() as conn:
                result = conn.execute(ROLLUP)
            log.info("rolled up %d buckets", result.rowcount)
            stop.wait(300)
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
