#!/usr/bin/env python3
"""One-off: re-publish shipments that never got a label onto the stream.

Run by hand: heroku run python scripts/backfill.py --since 2024-01-01
"""

import argparse
import os
import sys

from sqlalchemy import text
from walrus import Database

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from shipping.db import make_engine  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--since", required=True, help="created_at lower bound (YYYY-MM-DD)")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)

    engine = make_engine("backfill", pool_size=1)
    rdb = Database.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    try:
        with engine.connect() as conn:
            ids = conn.execute(
                text(
                    "SELECT id FROM shipments WHERE status = 'created' AND created_at >= :since ORDER BY id"
                ),
                {"since": args.since},
            ).scalars().all()
        print(f"{len(ids)} shipments without a label since {args.since}")
        if args.dry_run:
            return 0
        stream = rdb.Stream("shipments:created")
        for shipment_id in ids:
            stream.add({"shipment_id": shipment_id, "source": "backfill"})
    finally:
        rdb.close()
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
