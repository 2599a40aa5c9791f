"""Outlook item events for the "AP Invoices" folder.

win32com calls InboxEvents.OnItemAdd once for every mail that lands in
the folder (the mailbox rule moves supplier mails there).
"""
import logging
import os
import re
import tempfile

import requests

import erp

log = logging.getLogger("invoice-intake")

OL_MAIL = 43
INVOICE_RE = re.compile(r"\b(invoice|rechnung|factura|facture)\b", re.IGNORECASE)
VENDOR_URL = "https://vendors.corp.example.com/api/v1/vendors/by-email"
OCR_URL = "https://ocr.corp.example.com/v2/invoices:extract"

vendor_api = requests.Session()
vendor_api.headers["Authorization"] = "Bearer " + os.environ.get("VENDOR_API_TOKEN", "")


def lookup_vendor(sender_address):
    resp = vendor_api.get(VENDOR_URL, params={"email": sender_address}, timeout=10)
    if resp.status_code == 404:
        return None
    resp.raise_for_status()
    return resp.json()


def extract_invoice(pdf_path):
    http = requests.Session()
    http.auth = (os.environ.get("OCR_USER", ""), os.environ.get("OCR_PASSWORD", ""))
    with open(pdf_path, "rb") as fh:
        resp = http.post(
            OCR_URL,
            files={"file": (os.path.basename(pdf_path), fh, "application/pdf")},
            timeout=90,
        )
    resp.raise_for_status()
    return resp.json()


def _pdf_attachments(item):
    for index in range(1, item.Attachments.Count + 1):
        attachment = item.Attachments.Item(index)
        if attachment.FileName.lower().endswith(".pdf"):
            yield attachment


def process_invoice_mail(item):
    vendor = lookup_vendor(item.SenderEmailAddress)
    if vendor is None:
        item.Categories = "AP: unknown vendor"
        item.Save()
        return

    conn = erp.connect()
    cursor = conn.cursor()
    booked = 0
    for attachment in _pdf_attachments(item):
        path = os.path.join(tempfile.gettempdir(),
                            item.EntryID[-12:] + "-" + attachment.FileName)
        attachment.SaveAsFile(path)
        try:
            if erp.insert_invoice(cursor, vendor["erp_id"], extract_invoice(path), item.EntryID):
                booked += 1
        finally:
            os.remove(path)
    conn.commit()

    item.Categories = "AP: booked" if booked else "AP: nothing booked"
    item.Save()
    log.info("%s: %d invoice(s) booked for vendor %s", item.Subject, booked, vendor["erp_id"])


class InboxEvents:
    def OnItemAdd(self, item):
        try:
            if item.Class != OL_MAIL:
                return
            if not INVOICE_RE.search(item.Subject or ""):
                return
            process_invoice_mail(item)
        except Exception:
            log.exception("failed to process mail %r", getattr(item, "Subject", "?"))
