"""One-off: recompute totals for invoices created before the 2019 tax change."""
import argparse

from sqlalchemy import text

from .db import make_engine


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", default="2019-07-01")
    args = parser.parse_args()

    engine = make_engine(pool_size=1)
    try:
        with engine.begin() as conn:
            updated = conn.execute(
                text(
                    "UPDATE invoices i SET total = ("
                    "  SELECT COALESCE(SUM(l.qty * l.unit_price), 0) FROM invoice_lines l"
                    "  WHERE l.invoice_no = i.invoice_no) "
                    "WHERE i.created_at < :before"
                ),
                {"before": args.before},
            ).rowcount
        print(f"recomputed {updated} invoices")
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
