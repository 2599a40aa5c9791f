"""Stock count import for the warehouse office PCs.

Shipped as a PyInstaller .exe; clerks pick the handheld scanner's CSV export
and press Start. Gooey runs this script as a child process once per Start
click, so every run is a fresh one-off process.
"""
import csv
import datetime as dt
import os
import sys
import time

import boto3
import pymysql
from gooey import Gooey, GooeyParser

WAREHOUSES = ["BER1", "HAM2", "MUC1"]
ARCHIVE_BUCKET = os.environ.get("STOCK_ARCHIVE_BUCKET", "acme-stock-counts")


def connect_with_retry(attempts=5):
    """The office VPN sometimes needs a few seconds after wake-up."""
    for attempt in range(1, attempts + 1):
        try:
            return pymysql.connect(
                host=os.environ.get("STOCK_DB_HOST", "erp-db.internal"),
                user=os.environ.get("STOCK_DB_USER", "stock_import"),
                password=os.environ["STOCK_DB_PASSWORD"],
                database="erp",
                autocommit=False,
                connect_timeout=5,
            )
        except pymysql.err.OperationalError as err:
            if attempt == attempts:
                raise
            print(f"database not reachable ({err}), retrying in {2 * attempt} s", flush=True)
            time.sleep(2 * attempt)


def read_rows(path):
    with open(path, newline="", encoding="utf-8-sig") as fh:
        return [row for row in csv.DictReader(fh, delimiter=";") if row.get("sku")]


def apply_row(cur, warehouse, row):
    cur.execute(
        "UPDATE stock SET counted_qty = %s, counted_at = NOW()"
        " WHERE warehouse = %s AND sku = %s",
        (int(row["qty"]), warehouse, row["sku"].strip()),
    )
    if cur.rowcount == 0:
        cur.execute(
            "INSERT INTO stock_unknown_sku (warehouse, sku, qty, seen_at) VALUES (%s, %s, %s, NOW())",
            (warehouse, row["sku"].strip(), int(row["qty"])),
        )
        return False
    return True


@Gooey(
    program_name="Stock Count Import",
    default_size=(720, 560),
    progress_regex=r"^progress: (\d+)%$",
    hide_progress_msg=True,
)
def main():
    parser = GooeyParser(description="Import a scanner stock count into the ERP")
    parser.add_argument("csv_file", widget="FileChooser", help="Scanner export (.csv)")
    parser.add_argument("--warehouse", choices=WAREHOUSES, default="BER1")
    parser.add_argument("--dry-run", action="store_true", help="Check the file, change nothing")
    args = parser.parse_args()

    rows = read_rows(args.csv_file)
    if not rows:
        print("file contains no rows")
        return 1

    conn = connect_with_retry()
    s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-central-1"))
    unknown = 0
    try:
        with conn.cursor() as cur:
            for i, row in enumerate(rows, 1):
                if not apply_row(cur, args.warehouse, row):
                    unknown += 1
                if i % 25 == 0 or i == len(rows):
                    print(f"progress: {i * 100 // len(rows)}%", flush=True)
        if args.dry_run:
            conn.rollback()
        else:
            conn.commit()
            key = f"{args.warehouse}/{dt.date.today():%Y/%m/%d}/{os.path.basename(args.csv_file)}"
            s3.upload_file(args.csv_file, ARCHIVE_BUCKET, key)
    finally:
        conn.close()

    print(f"{len(rows)} rows, {unknown} unknown SKUs{' (dry run)' if args.dry_run else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
