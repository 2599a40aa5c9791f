import contextlib
import json

import boto3
import psycopg
import typer

from loaders import load_invoice, rebuild_totals

app = typer.Typer(help="One-off maintenance jobs for the billing database.")


def open_db(dsn: str) -> psycopg.Connection:
    return psycopg.connect(dsn, application_name="billing-backfill")


@app.command()
def invoices(
    bucket: str,
    prefix: str = "invoices/",
    dsn: str = typer.Option(..., envvar="DATABASE_URL"),
    dry_run: bool = False,
):
    """Load archived invoice JSON files from S3 into the invoices table."""
    loaded = 0
    with contextlib.closing(boto3.client("s3")) as s3, open_db(dsn) as conn:
        paginator = s3.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=bucket, Prefix=prefix):
            for obj in page.get("Contents", []):
                body = s3.get_object(Bucket=bucket, Key=obj["Key"])["Body"].read()
                load_invoice(conn, json.loads(body))
                loaded += 1
                if loaded % 500 == 0:
                    typer.echo(f"{loaded} invoices...")
        if dry_run:
            conn.rollback()
        else:
            conn.commit()
    typer.echo(f"done: {loaded} invoices{' (dry run)' if dry_run else ''}")


@app.command()
def totals(
    dsn: str = typer.Option(..., envvar="DATABASE_URL"),
    since: str = "2020-01-01",
):
    """Recompute customers.lifetime_total_cents from invoice lines."""
    conn = open_db(dsn)
    try:
        updated = rebuild_totals(conn, since)
        conn.commit()
    finally:
        conn.close()
    typer.echo(f"rebuilt totals for {updated} customers")


if __name__ == "__main__":
    app()
