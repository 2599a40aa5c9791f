import os
import uuid

import boto3
import requests
from pywa import WhatsApp
from pywa.types import CallbackButton, Message

from . import store

ATTACHMENTS_BUCKET = os.environ.get("ATTACHMENTS_BUCKET", "support-attachments")


def on_text(client: WhatsApp, msg: Message) -> None:
    """Every inbound text message: append to the customer's open ticket."""
    conn = store.connect()
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT id FROM tickets WHERE wa_id = %s AND status = 'open' ORDER BY id DESC LIMIT 1",
                (msg.from_user.wa_id,),
            )
            ticket = cur.fetchone()
            if ticket is None:
                cur.execute(
                    "INSERT INTO tickets (wa_id, name, status) VALUES (%s, %s, 'open')",
                    (msg.from_user.wa_id, msg.from_user.name),
                )
                ticket_id = cur.lastrowid
            else:
                ticket_id = ticket["id"]
            cur.execute(
                "INSERT INTO ticket_messages (ticket_id, direction, body) VALUES (%s, 'in', %s)",
                (ticket_id, msg.text),
            )
    finally:
        conn.close()
    store.sessions.setex(f"wa:last:{msg.from_user.wa_id}", 86400, ticket_id)
    msg.reply_text(f"Thanks! Your message was added to ticket #{ticket_id}.")


def on_image(client: WhatsApp, msg: Message) -> None:
    """Every inbound image: copy it to S3 and attach it to the ticket."""
    media = client.get_media_url(media_id=msg.image.id)
    resp = requests.get(
        media.url,
        headers={"Authorization": f"Bearer {os.environ['WA_TOKEN']}"},
        timeout=15,
    )
    resp.raise_for_status()
    key = f"{msg.from_user.wa_id}/{uuid.uuid4()}.jpg"
    s3 = boto3.client("s3")
    s3.put_object(Bucket=ATTACHMENTS_BUCKET, Key=key, Body=resp.content, ContentType=media.mime_type)
    ticket_id = store.sessions.get(f"wa:last:{msg.from_user.wa_id}")
    with store.pool.connection() as conn:
        with conn.cursor() as cur:
            cur.execute(
                "INSERT INTO ticket_attachments (ticket_id, s3_key) VALUES (%s, %s)",
                (int(ticket_id) if ticket_id else None, key),
            )
        conn.commit()
    msg.reply_text("Got your photo, an agent will look at it shortly.")


def on_button(client: WhatsApp, clb: CallbackButton) -> None:
    """Quick-reply buttons: 'close:<ticket>' or 'csat:<ticket>:<score>'."""
    parts = clb.data.split(":")
    conn = store.pool.connection()
    cur = conn.cursor()
    if parts[0] == "close":
        cur.execute("UPDATE tickets SET status = 'closed' WHERE id = %s", (int(parts[1]),))
        conn.commit()
        clb.reply_text("Ticket closed. How did we do?")
        return
    if parts[0] == "csat" and len(parts) == 3:
        cur.execute(
            "UPDATE tickets SET csat = %s WHERE id = %s", (int(parts[2]), int(parts[1]))
        )
        conn.commit()
    cur.close()
    conn.close()
