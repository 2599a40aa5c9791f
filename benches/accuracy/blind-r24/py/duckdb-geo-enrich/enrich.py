"""One-off: enrich a month of delivery pings with country codes and load
the aggregate into the analytics Postgres.

    geo-enrich --month 2024-08 --parquet 's3://pings/2024-08/*.parquet'
"""
import argparse
import logging
import os

import duckdb
import psycopg
import requests
from duckdb.typing import DOUBLE, VARCHAR

from geocode import make_country_lookup

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("geo-enrich")

AGG_SQL = """
    SELECT country_of(lat, lon) AS country,
           date_trunc('day', pinged_at) AS day,
           count(*) AS pings,
           count(DISTINCT courier_id) AS couriers
      FROM read_parquet(?)
     GROUP BY ALL
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--month", required=True)
    parser.add_argument("--parquet", required=True)
    parser.add_argument("--dsn", default=os.environ.get("ANALYTICS_DSN"))
    args = parser.parse_args()

    with requests.Session() as http:
        http.headers["User-Agent"] = "geo-enrich/1.0 (data-eng)"
        con = duckdb.connect(":memory:")
        try:
            con.execute("INSTALL httpfs; LOAD httpfs;")
            con.create_function(
                "country_of", make_country_lookup(http), [DOUBLE, DOUBLE], VARCHAR,
                null_handling="special",
            )
            rows = con.execute(AGG_SQL, [args.parquet]).fetchall()
        finally:
            con.close()
    log.info("aggregated %d country/day rows", len(rows))

    with psycopg.connect(args.dsn) as pg:
        with pg.cursor() as cur:
            cur.execute("DELETE FROM courier_pings_daily WHERE to_char(day, 'YYYY-MM') = %s",
                        (args.month,))
            with cur.copy(
                "COPY courier_pings_daily (country, day, pings, couriers) FROM STDIN"
            ) as copy:
                for row in rows:
                    copy.write_row(row)
    log.info("loaded %s into courier_pings_daily", args.month)


if __name__ == "__main__":
    main()
