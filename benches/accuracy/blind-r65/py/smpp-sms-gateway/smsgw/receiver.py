"""Receiver process: one SMPP receiver bind; each deliver_sm is an MO message or a delivery receipt."""
import functools
import logging
import os
import re

import redis
import smpplib.client

from .db import make_pool

log = logging.getLogger("smsgw.receiver")
DLR_RE = re.compile(rb"id:(?P<id>\S+) .*stat:(?P<stat>\w+)")
ESM_DELIVERY_RECEIPT = 0x04


def on_deliver_sm(pool, events, pdu):
    """smpplib calls this once per received deliver_sm PDU."""
    if pdu.esm_class & ESM_DELIVERY_RECEIPT:
        match = DLR_RE.search(pdu.short_message)
        if match:
            with pool.connection() as conn:
                conn.execute(
                    "UPDATE outbox SET dlr_status = %s, dlr_at = now() WHERE smsc_message_id = %s",
                    (match["stat"].decode(), match["id"].decode()),
                )
        return
    text = pdu.short_message.decode("utf-8", errors="replace")
    sender = pdu.source_addr.decode()
    with pool.connection() as conn:
        row = conn.execute(
            "INSERT INTO inbox (msisdn, short_code, body) VALUES (%s, %s, %s) RETURNING id",
            (sender, pdu.destination_addr.decode(), text),
        ).fetchone()
    events.xadd("sms:inbound", {"id": row[0], "msisdn": sender, "body": text}, maxlen=100_000)


def main():
    logging.basicConfig(level=logging.INFO)
    pool = make_pool()
    events = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    client = smpplib.client.Client(os.environ["SMSC_HOST"], int(os.environ.get("SMSC_PORT", "2775")))
    client.set_message_received_handler(functools.partial(on_deliver_sm, pool, events))
    try:
        client.connect()
        client.bind_receiver(system_id=os.environ["SMSC_SYSTEM_ID"], password=os.environ["SMSC_PASSWORD"])
        client.listen()
    finally:
        pool.close()
        events.close()


if __name__ == "__main__":
    main()
