"""Accounts-payable tables in the ERP's SQL Server database."""
import os
from datetime import date

import pyodbc

CONN_STR = (
    "DRIVER={ODBC Driver 18 for SQL Server};"
    "SERVER=" + os.environ.get("ERP_SQL_HOST", "erp-sql.corp.example.com") + ";"
    "DATABASE=ERP_AP;"
    "UID=" + os.environ.get("ERP_SQL_USER", "ap_intake") + ";"
    "PWD=" + os.environ.get("ERP_SQL_PASSWORD", "") + ";"
    "Encrypt=yes;TrustServerCertificate=no;"
)


def connect():
    return pyodbc.connect(CONN_STR, autocommit=False, timeout=15)


def _parse_date(value):
    if not value:
        return None
    return date.fromisoformat(value[:10])


def invoice_exists(cursor, vendor_id, invoice_no):
    cursor.execute(
        "SELECT 1 FROM dbo.ap_invoices WHERE vendor_id = ? AND invoice_no = ?",
        vendor_id, invoice_no,
    )
    return cursor.fetchone() is not None


def insert_invoice(cursor, vendor_id, ocr, entry_id):
    invoice_no = ocr.get("invoice_number")
    if not invoice_no or invoice_exists(cursor, vendor_id, invoice_no):
        return False
    cursor.execute(
        "INSERT INTO dbo.ap_invoices "
        "(vendor_id, invoice_no, invoice_date, due_date, currency, total_gross, "
        " source, source_ref, status) "
        "VALUES (?, ?, ?, ?, ?, ?, 'OUTLOOK', ?, 'TO_APPROVE')",
        vendor_id,
        invoice_no,
        _parse_date(ocr.get("invoice_date")),
        _parse_date(ocr.get("due_date")),
        (ocr.get("currency") or "EUR")[:3],
        ocr.get("total_gross"),
        entry_id,
    )
    return True
