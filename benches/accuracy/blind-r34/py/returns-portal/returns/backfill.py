"""Release-phase one-off: recompute refund totals for returns created since a date."""
import argparse

from sqlalchemy import text

from returns.dbconf import make_engine


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--since", required=True)
    args = parser.parse_args()

    engine = make_engine(pool_size=1)
    try:
        with engine.begin() as conn:
            updated = conn.execute(
                text(
                    "UPDATE returns r JOIN (SELECT rma, SUM(line_refund_minor) AS total "
                    "FROM return_lines GROUP BY rma) l ON l.rma = r.rma "
                    "SET r.refund_minor = l.total WHERE r.created_at >= :since"
                ),
                {"since": args.since},
            ).rowcount
        print(f"backfilled {updated} returns")
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
