"""One-off: mark legacy jobs imported from the old tracker as done.

    python -m scripts.backfill --before 2024-01-01
"""
import argparse

from sqlalchemy import text

from common.db import make_engine


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", required=True)
    args = parser.parse_args()

    engine = make_engine("backfill")
    try:
        with engine.begin() as conn:
            result = conn.execute(
                text("update jobs set status = 'done', done_at = created_at where status = 'queued' and created_at < :b"),
                {"b": args.before},
            )
            print(f"closed {result.rowcount} legacy jobs")
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
