import email
import email.policy
import logging
import os
import re
import uuid

import aioboto3
import redis

from storage import record_delivery

log = logging.getLogger("inbound")

RCPT_RE = re.compile(r"^reply\+(\d+)@support\.example\.com$", re.IGNORECASE)
BUCKET = os.environ.get("RAW_MAIL_BUCKET", "helpdesk-raw-mail")
REDIS_URL = os.environ.get("REDIS_URL", "redis://redis:6379/0")


class InboundHandler:
    def __init__(self, es):
        self.es = es
        self.aws = aioboto3.Session()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        match = RCPT_RE.match(address)
        if not match:
            return "550 not relaying to that domain"
        blocklist = redis.Redis.from_url(REDIS_URL)
        if blocklist.sismember("mail:blocked-senders", envelope.mail_from.lower()):
            return "550 sender blocked"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        key = f"{uuid.uuid4()}.eml"

        async with self.aws.client("s3") as s3:
            await s3.put_object(Bucket=BUCKET, Key=key, Body=raw, ContentType="message/rfc822")

        body = msg.get_body(preferencelist=("plain", "html"))
        for rcpt in envelope.rcpt_tos:
            ticket_id = int(RCPT_RE.match(rcpt).group(1))
            self.es.index(
                index="ticket-messages",
                document={
                    "ticket_id": ticket_id,
                    "from": envelope.mail_from,
                    "subject": msg.get("subject", ""),
                    "text": body.get_content() if body else "",
                    "raw_key": key,
                },
            )
            record_delivery(ticket_id, envelope.mail_from, key, len(raw))

        log.info("stored %s for %s", key, envelope.rcpt_tos)
        return "250 Message accepted for delivery"
