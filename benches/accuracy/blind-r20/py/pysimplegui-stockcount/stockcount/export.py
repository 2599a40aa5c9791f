"""One-off: dump today's counts to CSV for the inventory controller (run from cron or by hand)."""
import argparse
import csv
import sys

from sqlalchemy import text

from .db import make_engine


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--date", default=None, help="YYYY-MM-DD, defaults to today")
    args = parser.parse_args()

    engine = make_engine(retries=1)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT bin, sku, counted, counted_at FROM cycle_counts "
                     "WHERE DATE(counted_at) = COALESCE(:d, CURDATE()) ORDER BY bin, sku"),
                {"d": args.date},
            )
            writer = csv.writer(sys.stdout)
            writer.writerow(["bin", "sku", "counted", "counted_at"])
            writer.writerows(rows)
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
