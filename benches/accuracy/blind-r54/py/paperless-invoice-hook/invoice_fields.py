"""Pulls invoice number, date, total and currency out of the OCR text."""
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

_INVOICE_NO = re.compile(r"(?:invoice|rechnung)\s*(?:no\.?|nr\.?|#)\s*[:\-]?\s*([A-Z0-9\-/]+)", re.I)
_DATE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_TOTAL = re.compile(r"(?:total|gesamt|amount due)\s*[:\-]?\s*([0-9.,]+)\s*(EUR|USD|GBP|€|\$)?", re.I)
_CURRENCY = {"€": "EUR", "$": "USD"}


@dataclass
class InvoiceFields:
    supplier: str | None
    invoice_no: str | None
    issued_on: date | None
    total: Decimal | None
    currency: str


def _amount(raw: str) -> Decimal | None:
    raw = raw.strip().rstrip(".,")
    if "," in raw and raw.rfind(",") > raw.rfind("."):
        raw = raw.replace(".", "").replace(",", ".")
    else:
        raw = raw.replace(",", "")
    try:
        return Decimal(raw)
    except InvalidOperation:
        return None


def extract_invoice_fields(text: str) -> InvoiceFields:
    first_line = next((ln.strip() for ln in text.splitlines() if ln.strip()), None)
    number = _INVOICE_NO.search(text)
    issued = _DATE.search(text)
    totals = _TOTAL.findall(text)

    issued_on = None
    if issued:
        day, month, year = (int(g) for g in issued.groups())
        try:
            issued_on = datetime(year, month, day).date()
        except ValueError:
            issued_on = None

    total, currency = None, "EUR"
    if totals:
        raw, cur = totals[-1]
        total = _amount(raw)
        currency = _CURRENCY.get(cur, cur.upper() or "EUR")

    return InvoiceFields(
        supplier=first_line,
        invoice_no=number.group(1) if number else None,
        issued_on=issued_on,
        total=total,
        currency=currency,
    )
