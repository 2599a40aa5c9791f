"""Release-phase one-off: re-derive bench assignment from the raw event log."""
import argparse

from sqlalchemy import text

from .dbconf import make_engine


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--days", type=int, default=7)
    args = parser.parse_args()

    engine = make_engine(retries=3)
    try:
        with engine.begin() as conn:
            n = conn.execute(
                text(
                    "UPDATE fixtures f SET bench = e.bench FROM ("
                    "  SELECT DISTINCT ON (serial) serial, bench FROM fixture_events "
                    "  WHERE at > now() - make_interval(days => :d) ORDER BY serial, at DESC"
                    ") e WHERE f.serial = e.serial AND f.bench IS DISTINCT FROM e.bench"
                ),
                {"d": args.days},
            ).rowcount
        print(f"backfilled {n} fixtures")
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
