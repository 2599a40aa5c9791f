"""Release-phase purge of old raw traps (runs once per deploy, then exits)."""
import argparse
import logging
import sys

from sqlalchemy import text

from trapdesk.db import make_engine

log = logging.getLogger("trapdesk.purge")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--older-than-days", type=int, default=90)
    parser.add_argument("--batch", type=int, default=50_000)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    engine = make_engine(pool_size=1, attempts=5)
    total = 0
    try:
        while True:
            with engine.begin() as conn:
                deleted = conn.execute(
                    text(
                        "DELETE FROM traps WHERE ctid IN ("
                        " SELECT ctid FROM traps WHERE received_at < now() - make_interval(days => :d)"
                        " LIMIT :n)"
                    ),
                    {"d": args.older_than_days, "n": args.batch},
                ).rowcount
            total += deleted
            if deleted < args.batch:
                break
    finally:
        engine.dispose()
    log.info("purged %d traps older than %d days", total, args.older_than_days)
    return 0


if __name__ == "__main__":
    sys.exit(main())
