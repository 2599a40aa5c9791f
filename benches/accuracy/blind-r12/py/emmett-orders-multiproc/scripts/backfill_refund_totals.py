"""One-off: populate orders.refunded_cents for refunds issued before the column existed.

Usage: python -m scripts.backfill_refund_totals [--batch 5000]
"""
import argparse

from sqlalchemy import text

from orders_common.db import make_engine


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=5000)
    args = parser.parse_args()

    engine = make_engine(pool_size=1)
    try:
        total = 0
        while True:
            with engine.begin() as conn:
                updated = conn.execute(
                    text(
                        """
                        UPDATE orders o SET refunded_cents = o.total_cents
                        WHERE o.id IN (
                            SELECT o2.id FROM orders o2 JOIN refunds r ON r.order_id = o2.id
                            WHERE o2.refunded_cents IS NULL LIMIT :batch
                        )
                        """
                    ),
                    {"batch": args.batch},
                ).rowcount
            total += updated
            print(f"updated {total} orders")
            if updated == 0:
                break
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
