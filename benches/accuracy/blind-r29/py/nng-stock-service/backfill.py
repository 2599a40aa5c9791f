"""One-off release-phase script: rebuilds missing daily snapshots."""
import argparse
import logging
from datetime import date, timedelta

from sqlalchemy import text

from db import make_engine

log = logging.getLogger("stock-backfill")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--days", type=int, default=7)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    engine = make_engine(pool_size=1, attempts=5)
    try:
        for offset in range(args.days, 0, -1):
            day = date.today() - timedelta(days=offset)
            with engine.begin() as conn:
                exists = conn.execute(
                    text("SELECT 1 FROM stock_snapshots WHERE day = :d LIMIT 1"), {"d": day}
                ).first()
                if exists:
                    continue
                conn.execute(
                    text(
                        "INSERT INTO stock_snapshots (day, sku, site, qty) "
                        "SELECT :d, sku, site, qty FROM stock_history_view WHERE as_of = :d"
                    ),
                    {"d": day},
                )
            log.info("backfilled %s", day)
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
