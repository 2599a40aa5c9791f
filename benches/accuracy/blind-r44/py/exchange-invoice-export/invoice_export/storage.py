"""Targets for the export: S3 for the PDFs, Postgres for the index."""
import os

import boto3
import psycopg2

AP_DSN = os.environ.get("AP_DSN", "postgresql://apexport@finance-db:5432/ap")
BUCKET = os.environ.get("INVOICE_BUCKET", "finance-ap-invoices")


def open_db():
    return psycopg2.connect(AP_DSN, application_name="invoice-export")


def make_s3():
    return boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))


def already_exported(cur, message_id, filename):
    cur.execute(
        "SELECT 1 FROM exported_invoices WHERE message_id = %s AND filename = %s",
        (message_id, filename),
    )
    return cur.fetchone() is not None


def record_export(cur, message_id, sender, received, filename, key):
    cur.execute(
        "INSERT INTO exported_invoices (message_id, sender, received_at, filename, s3_key) "
        "VALUES (%s, %s, %s, %s, %s)",
        (message_id, sender, received, filename, key),
    )
