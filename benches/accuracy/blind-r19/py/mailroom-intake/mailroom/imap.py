import email
import os
from email.utils import parsedate_to_datetime

from imapclient import IMAPClient

IMAP_HOST = os.environ.get("IMAP_HOST", "imap.example.com")
IMAP_USER = os.environ.get("IMAP_USER", "intake@example.com")
IMAP_PASSWORD = os.environ.get("IMAP_PASSWORD", "")
MAILBOX = os.environ.get("IMAP_MAILBOX", "INBOX")


def login() -> IMAPClient:
    client = IMAPClient(IMAP_HOST, ssl=True, timeout=60)
    client.login(IMAP_USER, IMAP_PASSWORD)
    client.select_folder(MAILBOX)
    return client


def to_row(uid: int, raw: bytes) -> dict:
    msg = email.message_from_bytes(raw)
    return {
        "mailbox": MAILBOX,
        "uid": uid,
        "message_id": msg.get("Message-ID"),
        "sender": msg.get("From"),
        "subject": msg.get("Subject"),
        "received_at": parsedate_to_datetime(msg["Date"]) if msg.get("Date") else None,
        "raw": raw.decode("utf-8", errors="replace"),
    }
