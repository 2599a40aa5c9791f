"""Release-phase one-off: delete old telemetry."""
import argparse
import logging

from sqlalchemy import text

from common.db import make_engine


def main():
    logging.basicConfig(level=logging.INFO)
    parser = argparse.ArgumentParser()
    parser.add_argument("--older-than-days", type=int, default=90)
    args = parser.parse_args()

    engine = make_engine(attempts=3)
    try:
        with engine.begin() as conn:
            deleted = conn.execute(
                text("DELETE FROM positions WHERE ts < NOW() - INTERVAL :d DAY"),
                {"d": args.older_than_days},
            ).rowcount
        logging.info("pruned %d rows", deleted)
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
