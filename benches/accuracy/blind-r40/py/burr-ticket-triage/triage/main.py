"""Triage worker: claims untriaged tickets and runs a Burr state machine per ticket."""
import logging
import os
import signal
import time

import httpx
from burr.core import ApplicationBuilder, default, expr
from psycopg_pool import ConnectionPool

from .actions import classify, load_ticket, page_on_call, route

log = logging.getLogger("triage")
_running = True


def _stop(*_):
    global _running
    _running = False


def claim_next(pool: ConnectionPool) -> int | None:
    with pool.connection() as conn:
        row = conn.execute(
            "UPDATE tickets SET triage_claimed_at = now() WHERE id = ("
            "  SELECT id FROM tickets WHERE triaged_at IS NULL AND triage_claimed_at IS NULL"
            "  ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1"
            ") RETURNING id"
        ).fetchone()
    return row[0] if row else None


def build_triage(ticket_id: int, pool: ConnectionPool, http: httpx.Client):
    # Builds the state machine for one ticket; the bound clients are the
    # long-lived ones created in main(), nothing is opened here.
    return (
        ApplicationBuilder()
        .with_actions(
            load_ticket=load_ticket.bind(pool=pool),
            classify=classify.bind(http=http),
            route=route.bind(pool=pool),
            page_on_call=page_on_call.bind(http=http),
        )
        .with_transitions(
            ("load_ticket", "classify", default),
            ("classify", "route", default),
            ("route", "page_on_call", expr("urgency == 'critical'")),
        )
        .with_state(ticket_id=ticket_id, paged=False)
        .with_entrypoint("load_ticket")
        .build()
    )


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)

    pool = ConnectionPool(os.environ["TRIAGE_DSN"], min_size=1, max_size=4, open=False)
    pool.open(wait=True, timeout=60)
    http = httpx.Client(
        base_url=os.environ.get("NLP_API", "https://nlp.internal.example.com"),
        headers={"Authorization": f"Bearer {os.environ.get('NLP_TOKEN', '')}"},
        timeout=10.0,
    )
    try:
        while _running:
            ticket_id = claim_next(pool)
            if ticket_id is None:
                time.sleep(5)
                continue
            app = build_triage(ticket_id, pool, http)
            try:
                _, _, state = app.run(halt_after=["route", "page_on_call"])
                if state["urgency"] == "critical":
                    _, _, state = app.run(halt_after=["page_on_call"])
                log.info("ticket %s -> %s", ticket_id, state["queue"])
            except Exception:
                log.exception("triage failed for ticket %s", ticket_id)
    finally:
        http.close()
        pool.close()


if __name__ == "__main__":
    main()
