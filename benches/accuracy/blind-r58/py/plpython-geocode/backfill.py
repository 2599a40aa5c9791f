"""One-off: geocode existing customers in batches through the geocode_address() SQL function."""

import argparse
import os
import sys
import time

import psycopg


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--pause", type=float, default=0.5)
    args = parser.parse_args()

    conn = psycopg.connect(os.environ["CRM_DSN"], autocommit=True)
    total = 0
    try:
        while True:
            cur = conn.execute(
                "UPDATE customers SET geo = geocode_address(concat_ws(', ', street, city, postcode)), "
                "geocode_attempted_at = now() "
                "WHERE id IN (SELECT id FROM customers WHERE geo IS NULL "
                "AND geocode_attempted_at IS NULL AND street IS NOT NULL "
                "ORDER BY id LIMIT %s FOR UPDATE SKIP LOCKED)",
                (args.batch,),
            )
            if cur.rowcount == 0:
                break
            total += cur.rowcount
            print(f"geocoded {total} customers", flush=True)
            time.sleep(args.pause)
    finally:
        conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
