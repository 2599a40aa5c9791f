"""Watches the accounts-payable mailbox with IMAP IDLE.  Every new mail
with a PDF attachment is sent to the OCR service and stored."""
import asyncio
import email
import email.utils
import logging
import os
import re
from email.policy import default as default_policy

import aioimaplib
import httpx

import store

log = logging.getLogger("inbox")

EXISTS = re.compile(rb"^\d+ EXISTS$")


async def process_uid(uid: str, imap, pool, ocr: httpx.AsyncClient) -> None:
    result, lines = await imap.uid("fetch", uid, "(RFC822)")
    if result != "OK" or len(lines) < 2:
        return
    msg = email.message_from_bytes(bytes(lines[1]), policy=default_policy)
    message_id = msg.get("Message-ID", f"<uid-{uid}>")
    if await store.already_seen(pool, message_id):
        return
    for part in msg.iter_attachments():
        if part.get_content_type() != "application/pdf":
            continue
        resp = await ocr.post("/v1/invoices", files={
            "file": (part.get_filename() or "invoice.pdf", part.get_payload(decode=True), "application/pdf"),
        })
        resp.raise_for_status()
        invoice_id = await store.save_invoice(
            pool, message_id, email.utils.parseaddr(msg["From"])[1], msg["Subject"] or "",
            part.get_filename() or "invoice.pdf", resp.json(),
        )
        log.info("stored invoice %s from %s", invoice_id, msg["From"])


async def drain_unseen(imap, pool, ocr) -> None:
    result, lines = await imap.uid_search("UNSEEN")
    if result != "OK" or not lines or not lines[0]:
        return
    for uid in lines[0].decode().split():
        await process_uid(uid, imap, pool, ocr)


async def watch_mailbox(pool, ocr) -> None:
    """One IMAP session; returns (or raises) when the server drops us."""
    imap = aioimaplib.IMAP4_SSL(host=os.environ["IMAP_HOST"], port=993, timeout=30)
    try:
        await imap.wait_hello_from_server()
        await imap.login(os.environ["IMAP_USER"], os.environ["IMAP_PASSWORD"])
        await imap.select("INBOX")
        await drain_unseen(imap, pool, ocr)
        while True:
            idle = await imap.idle_start(timeout=25 * 60)
            new_mail = False
            while imap.has_pending_idle():
                push = await imap.wait_server_push()
                if push == aioimaplib.STOP_WAIT_SERVER_PUSH:
                    imap.idle_done()
                    break
                if isinstance(push, list) and any(EXISTS.match(line) for line in push):
                    new_mail = True
                    imap.idle_done()
                    break
            await asyncio.wait_for(idle, 30)
            if new_mail:
                await drain_unseen(imap, pool, ocr)
    finally:
        try:
            await imap.logout()
        except Exception:
            pass


async def main():
    logging.basicConfig(level=logging.INFO)
    pool = await store.open_pool(os.environ["AP_DATABASE_URL"])
    ocr = httpx.AsyncClient(base_url=os.environ["OCR_URL"], timeout=60.0)
    try:
        while True:
            try:
                await watch_mailbox(pool, ocr)
            except (aioimaplib.Abort, aioimaplib.CommandTimeout, OSError, asyncio.TimeoutError) as exc:
                log.warning("IMAP session ended (%s); reconnecting in 15s", exc)
                await asyncio.sleep(15)
    finally:
        await ocr.aclose()
        await pool.close()


if __name__ == "__main__":
    asyncio.run(main())
