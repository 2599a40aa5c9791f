"""Release-phase job: delete old counter rows, then exit."""
import argparse
from datetime import datetime, timedelta, timezone

from sqlalchemy import delete

from .db import counters, make_engine


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--days", type=int, default=30)
    args = ap.parse_args()
    cutoff = datetime.now(timezone.utc) - timedelta(days=args.days)

    engine = make_engine(attempts=3)
    try:
        with engine.begin() as conn:
            n = conn.execute(delete(counters).where(counters.c.ts < cutoff)).rowcount
        print(f"pruned {n} rows older than {cutoff:%Y-%m-%d}")
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
