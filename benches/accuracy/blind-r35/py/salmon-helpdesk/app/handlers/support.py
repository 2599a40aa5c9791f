import logging
import re

from salmon.mail import MailResponse
from salmon.routing import route, stateless

from app.model import attachments, db
from config import settings

log = logging.getLogger(__name__)

TICKET_TAG = re.compile(r"\[#(\d+)\]")


@route("support-(queue)@(host)", queue="[a-z0-9-]+")
@stateless
def START(message, queue=None, host=None):
    sender = message["from"]
    subject = message["subject"] or "(no subject)"
    body = message.body() or ""

    existing = TICKET_TAG.search(subject)
    if existing:
        db.add_reply(int(existing.group(1)), sender, body)
        return

    ticket_id = db.open_ticket(queue, sender, subject, body)
    if ticket_id is None:
        return

    for part in message.to_message().walk():
        filename = part.get_filename()
        if not filename:
            continue
        attachments.store(
            ticket_id,
            filename,
            part.get_payload(decode=True) or b"",
            part.get_content_type(),
        )

    reply = MailResponse(
        To=sender,
        From=f"support-{queue}@{host}",
        Subject=f"[#{ticket_id}] {subject}",
        Body=f"Thanks, we've opened ticket #{ticket_id}. Reply to this mail to add details.",
    )
    settings.relay.deliver(reply)
    log.info("ticket %s opened in %s for %s", ticket_id, queue, sender)
