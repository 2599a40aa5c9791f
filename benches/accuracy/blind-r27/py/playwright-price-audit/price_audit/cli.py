"""price-audit <retailer>: one run per night from cron, then the process exits."""
import argparse
import logging
import os
import sys
from datetime import date

import boto3
import requests
from playwright.sync_api import sync_playwright

from price_audit.db import open_db, record_observation, start_run, watched_products
from price_audit.scrape import read_price

log = logging.getLogger("price_audit")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="price-audit")
    parser.add_argument("retailer")
    parser.add_argument("--bucket", default=os.environ.get("AUDIT_BUCKET", "pricing-audit-screens"))
    parser.add_argument("--threshold", type=float, default=0.05, help="alert if undercut by this fraction")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    s3 = boto3.client("s3")
    conn = open_db()
    undercut = []
    try:
        run_id = start_run(conn, args.retailer)
        listings = watched_products(conn, args.retailer)
        log.info("run %s: %d listings for %s", run_id, len(listings), args.retailer)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(headless=True)
            page = browser.new_context(locale="en-GB").new_page()
            for item in listings:
                price, shot = read_price(page, item["url"], item["price_selector"])
                key = f"{date.today():%Y/%m/%d}/{args.retailer}/{item['sku']}.png"
                s3.put_object(Bucket=args.bucket, Key=key, Body=shot, ContentType="image/png")
                record_observation(conn, run_id, args.retailer, item["sku"], price, key)
                if price is not None and price < item["our_price"] * (1 - args.threshold):
                    undercut.append((item["sku"], price, item["our_price"]))
            browser.close()
        conn.commit()
    except Exception:
        conn.rollback()
        log.exception("audit failed")
        return 1
    finally:
        conn.close()

    if undercut:
        with requests.Session() as http:
            lines = [f"{sku}: {theirs} vs ours {ours}" for sku, theirs, ours in undercut]
            http.post(
                os.environ["SLACK_WEBHOOK_URL"],
                json={"text": f"{args.retailer} undercuts us on {len(undercut)} SKUs:\n" + "\n".join(lines)},
                timeout=10,
            ).raise_for_status()
    return 0


if __name__ == "__main__":
    sys.exit(main())
