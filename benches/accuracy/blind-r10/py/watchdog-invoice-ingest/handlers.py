import logging
import os
from pathlib import Path

import boto3
from sqlalchemy import select
from sqlalchemy.orm import Session
from watchdog.events import FileSystemEventHandler

from catalog import vendor_for_filename
from db import engine
from models import Invoice

log = logging.getLogger(__name__)
BUCKET = os.environ.get("INVOICE_BUCKET", "acme-invoices")


class InvoiceHandler(FileSystemEventHandler):
    def on_created(self, event):
        if event.is_directory or not event.src_path.lower().endswith(".pdf"):
            return
        path = Path(event.src_path)
        s3 = boto3.client("s3")
        key = f"incoming/{path.name}"
        s3.upload_file(str(path), BUCKET, key)
        with Session(engine) as session:
            session.add(Invoice(vendor_id=vendor_for_filename(path.name), local_path=str(path), s3_key=key))
            session.commit()
        log.info("ingested %s", path)

    def on_moved(self, event):
        if event.is_directory:
            return
        session = Session(engine)
        invoice = session.scalar(select(Invoice).where(Invoice.local_path == event.src_path))
        if invoice is None:
            log.debug("untracked move %s", event.src_path)
            return
        invoice.local_path = event.dest_path
        session.commit()
