"""One-off: clear processed_at for a time window so the worker picks events up again.

Usage: python scripts/reprocess.py 2024-09-01T00:00 2024-09-02T00:00
"""
import sys

from sqlalchemy import text

from events.db import make_engine


def main(start: str, end: str) -> None:
    engine = make_engine()
    try:
        with engine.begin() as conn:
            result = conn.execute(
                text("UPDATE events SET processed_at = NULL WHERE created_at >= :start AND created_at < :end"),
                {"start": start, "end": end},
            )
        print(f"reset {result.rowcount} events")
    finally:
        engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
