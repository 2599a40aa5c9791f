"""One-off: backfill label URLs for shipments created before the worker existed.

    python -m shipping.backfill --since 2024-01-01
"""
import argparse
import os

from sqlalchemy import text

from .db import make_engine

LABEL_BASE = os.environ.get("LABEL_BASE", "https://labels.example.com")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--since", required=True)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()

    engine = make_engine("backfill", pool_size=1)
    try:
        total = 0
        while True:
            with engine.begin() as conn:
                result = conn.execute(
                    text(
                        "UPDATE shipments SET label_url = :base || '/' || id || '.pdf'"
                        " WHERE id IN (SELECT id FROM shipments"
                        "   WHERE label_url IS NULL AND created_at >= :since"
                        "   LIMIT :n)"
                    ),
                    {"base": LABEL_BASE, "since": args.since, "n": args.batch},
                )
            total += result.rowcount
            if result.rowcount == 0:
                break
        print(f"backfilled {total} shipments")
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
