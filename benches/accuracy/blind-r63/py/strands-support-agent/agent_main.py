"""Drafts replies for new support tickets.

Polls the helpdesk table every 15 s; one Strands Agent run per ticket.
"""
import logging
import os
import time

import psycopg
from strands import Agent
from strands.models import BedrockModel

from resources import POOL, SUPPORT_DB_DSN, close_all
from tools import get_order, invoice_link, track_parcel

log = logging.getLogger("support-agent")

SYSTEM_PROMPT = (
    "You draft replies for the customer support team of an online shop. "
    "Use the tools to check orders and parcels. Be brief and friendly."
)


def wait_for_database(attempts: int = 10) -> None:
    for attempt in range(1, attempts + 1):
        try:
            with psycopg.connect(SUPPORT_DB_DSN, connect_timeout=5):
                return
        except psycopg.OperationalError as exc:
            log.warning("support DB unavailable (%s), retry %d/%d", exc, attempt, attempts)
            time.sleep(min(2 ** attempt, 60))
    raise SystemExit("support DB never came up")


def next_ticket():
    with POOL.connection() as conn:
        return conn.execute(
            "UPDATE tickets SET state = 'drafting' WHERE id = ("
            "  SELECT id FROM tickets WHERE state = 'new'"
            "  ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)"
            " RETURNING id, subject, body"
        ).fetchone()


def save_draft(ticket_id: int, draft: str) -> None:
    with POOL.connection() as conn:
        conn.execute(
            "UPDATE tickets SET state = 'draft_ready', draft_reply = %s WHERE id = %s",
            (draft, ticket_id),
        )


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    wait_for_database()
    POOL.open(wait=True, timeout=30)
    model = BedrockModel(
        model_id=os.environ.get("BEDROCK_MODEL_ID", "anthropic.claude-3-5-sonnet-20241022-v2:0"),
        region_name=os.environ.get("BEDROCK_REGION", "us-west-2"),
        temperature=0.2,
    )
    try:
        while True:
            ticket = next_ticket()
            if ticket is None:
                time.sleep(15)
                continue
            ticket_id, subject, body = ticket
            # a fresh Agent per ticket keeps conversations apart; it reuses the model
            agent = Agent(
                model=model,
                tools=[get_order, track_parcel, invoice_link],
                system_prompt=SYSTEM_PROMPT,
                callback_handler=None,
            )
            result = agent(f"Subject: {subject}\n\n{body}")
            save_draft(ticket_id, str(result))
            log.info("drafted reply for ticket %s", ticket_id)
    finally:
        close_all()


if __name__ == "__main__":
    main()
