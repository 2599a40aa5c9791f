"""ledger-tools: run by hand or from a one-shot Kubernetes Job.

    ledger-tools backfill-fx --start 2024-01-01 --end 2024-03-31
    ledger-tools export-month --month 2024-09 --bucket finance-exports
"""

import csv
import io
import os
from datetime import date, timedelta

import boto3
import httpx
import tyro
from sqlalchemy import text

from ledger_tools.db import make_engine

FX_API = os.environ.get("FX_API", "https://fx.internal/api/v1")


def backfill_fx(
    start: date,
    end: date,
    currencies: tuple[str, ...] = ("USD", "GBP", "CHF", "PLN"),
    dry_run: bool = False,
) -> None:
    """Fill missing EUR conversion rates day by day."""
    engine = make_engine()
    try:
        with httpx.Client(base_url=FX_API, timeout=20.0) as fx:
            day = start
            while day <= end:
                rates = fx.get(f"/rates/{day.isoformat()}", params={"base": "EUR"}).json()["rates"]
                if not dry_run:
                    with engine.begin() as conn:
                        for ccy in currencies:
                            conn.execute(
                                text(
                                    "INSERT INTO fx_rates (day, currency, rate) VALUES (:d, :c, :r) "
                                    "ON CONFLICT (day, currency) DO NOTHING"
                                ),
                                {"d": day, "c": ccy, "r": rates[ccy]},
                            )
                print(f"{day}: {len(currencies)} rates")
                day += timedelta(days=1)
    finally:
        engine.dispose()


def export_month(month: str, bucket: str, prefix: str = "ledger/monthly") -> None:
    """Dump one month of postings as CSV to S3."""
    engine = make_engine()
    s3 = boto3.client("s3")
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["posted_at", "account", "amount_eur", "reference"])
    try:
        with engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=5000).execute(
                text(
                    "SELECT posted_at, account, amount_eur, reference FROM postings "
                    "WHERE to_char(posted_at, 'YYYY-MM') = :m ORDER BY posted_at"
                ),
                {"m": month},
            )
            for row in result:
                writer.writerow(row)
    finally:
        engine.dispose()

    key = f"{prefix}/{month}.csv"
    s3.put_object(Bucket=bucket, Key=key, Body=buf.getvalue().encode("utf-8"))
    print(f"wrote s3://{bucket}/{key}")


def entrypoint() -> None:
    tyro.extras.subcommand_cli_from_dict(
        {
            "backfill-fx": backfill_fx,
            "export-month": export_month,
        }
    )
