"""Hourly rollup (systemd timer, separate process from the gateway)."""
import os

from sqlalchemy import text

import store


def main():
    engine = store.make_engine(os.environ["FIELDNET_DB_URL"])
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO hourly (node, hour, moisture_avg, soil_temp_avg, battery_min)"
                    " SELECT node, date_trunc('hour', taken_at), avg(moisture), avg(soil_temp),"
                    " min(battery_mv) FROM readings"
                    " WHERE taken_at >= date_trunc('hour', now()) - interval '1 hour'"
                    "   AND taken_at < date_trunc('hour', now())"
                    " GROUP BY 1, 2 ON CONFLICT (node, hour) DO NOTHING"
                )
            )
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
