"""Hourly one-shot (systemd timer): roll raw access_log rows into access_hourly."""
import logging

from sqlalchemy import text

from accesslog.db import make_engine

ROLLUP = text(
    """
    INSERT INTO access_hourly (hour, vhost, requests, errors_5xx, bytes, p95_upstream_ms)
    SELECT date_trunc('hour', ts), vhost, count(*), count(*) FILTER (WHERE status >= 500),
           sum(bytes), percentile_cont(0.95) WITHIN GROUP (ORDER BY upstream_ms)
    FROM access_log
    WHERE ts >= date_trunc('hour', now()) - interval '1 hour' AND ts < date_trunc('hour', now())
    GROUP BY 1, 2
    ON CONFLICT (hour, vhost) DO UPDATE SET
        requests = EXCLUDED.requests, errors_5xx = EXCLUDED.errors_5xx,
        bytes = EXCLUDED.bytes, p95_upstream_ms = EXCLUDED.p95_upstream_ms
    """
)

PRUNE = text("DELETE FROM access_log WHERE ts < now() - interval '14 days'")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    engine = make_engine(pool_size=1, attempts=3)
    try:
        with engine.begin() as conn:
            conn.execute(ROLLUP)
            pruned = conn.execute(PRUNE).rowcount
        logging.info("rollup done, pruned %d raw rows", pruned)
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
