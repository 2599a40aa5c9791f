"""invoice-export: copy new PDF invoices from Exchange to S3 and index them.

One-off console script, started by cron once a night.
"""
import argparse
import datetime as dt
import io
import logging
import os
import sys

from exchangelib import EWSDateTime, FileAttachment, UTC

from invoice_export import mailbox, storage

log = logging.getLogger("invoice_export")


def parse_args(argv):
    p = argparse.ArgumentParser(prog="invoice-export")
    p.add_argument("--since-hours", type=int, default=26)
    p.add_argument("--mailbox", default=os.environ.get("AP_MAILBOX", "ap-invoices@example.com"))
    p.add_argument("--server", default=os.environ.get("EWS_SERVER"))
    p.add_argument("--dry-run", action="store_true")
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    since = EWSDateTime.now(tz=UTC) - dt.timedelta(hours=args.since_hours)
    account = mailbox.open_mailbox(
        args.mailbox, os.environ["EWS_USER"], os.environ["EWS_PASSWORD"], server=args.server
    )
    s3 = storage.make_s3()
    conn = storage.open_db()
    exported = 0
    try:
        for msg in mailbox.invoice_messages(account, since):
            sender = msg.sender.email_address if msg.sender else "unknown"
            for att in msg.attachments:
                if not isinstance(att, FileAttachment) or not att.name.lower().endswith(".pdf"):
                    continue
                with conn, conn.cursor() as cur:
                    if storage.already_exported(cur, msg.id, att.name):
                        continue
                    key = "{:%Y/%m/%d}/{}/{}".format(msg.datetime_received, sender, att.name)
                    if args.dry_run:
                        log.info("would export %s", key)
                        continue
                    s3.upload_fileobj(io.BytesIO(att.content), storage.BUCKET, key)
                    storage.record_export(cur, msg.id, sender, msg.datetime_received, att.name, key)
                    exported += 1
    finally:
        conn.close()
        account.protocol.close()
    log.info("exported %d invoices", exported)
    return 0


if __name__ == "__main__":
    sys.exit(main())
