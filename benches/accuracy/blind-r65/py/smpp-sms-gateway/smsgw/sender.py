"""Sender process: drains the outbox table over an SMPP transmitter bind."""
import logging
import os
import threading
import time

import smpplib.client
import smpplib.consts
import smpplib.gsm

from .db import make_pool

log = logging.getLogger("smsgw.sender")
SENDER_ID = os.environ.get("SMSGW_SENDER_ID", "ACME")


class Sender:
    def __init__(self, pool, client):
        self.pool = pool
        self.client = client
        self.pending = {}
        client.set_message_sent_handler(self.on_submit_sm_resp)

    def on_submit_sm_resp(self, pdu):
        outbox_id = self.pending.pop(pdu.sequence, None)
        if outbox_id is None:
            return
        with self.pool.connection() as conn:
            conn.execute(
                "UPDATE outbox SET smsc_message_id = %s, sent_at = now() WHERE id = %s",
                (pdu.message_id.decode(), outbox_id),
            )

    def drain_once(self) -> int:
        with self.pool.connection() as conn:
            rows = conn.execute(
                "UPDATE outbox SET claimed_at = now() WHERE id IN (SELECT id FROM outbox "
                "WHERE claimed_at IS NULL ORDER BY id LIMIT 50 FOR UPDATE SKIP LOCKED) "
                "RETURNING id, msisdn, body"
            ).fetchall()
        for outbox_id, msisdn, body in rows:
            parts, coding, esm_class = smpplib.gsm.make_parts(body)
            for part in parts:
                pdu = self.client.send_message(
                    source_addr_ton=smpplib.consts.SMPP_TON_ALNUM,
                    source_addr=SENDER_ID,
                    dest_addr_ton=smpplib.consts.SMPP_TON_INTL,
                    dest_addr_npi=smpplib.consts.SMPP_NPI_ISDN,
                    destination_addr=msisdn,
                    short_message=part,
                    data_coding=coding,
                    esm_class=esm_class,
                    registered_delivery=True,
                )
            self.pending[pdu.sequence] = outbox_id
        return len(rows)


def main():
    logging.basicConfig(level=logging.INFO)
    pool = make_pool(max_size=2)
    client = smpplib.client.Client(os.environ["SMSC_HOST"], int(os.environ.get("SMSC_PORT", "2775")))
    sender = Sender(pool, client)
    try:
        client.connect()
        client.bind_transmitter(system_id=os.environ["SMSC_SYSTEM_ID"], password=os.environ["SMSC_PASSWORD"])
        threading.Thread(target=client.listen, daemon=True).start()
        while True:
            if sender.drain_once() == 0:
                time.sleep(2)
    finally:
        pool.close()


if __name__ == "__main__":
    main()
