import logging
import os

from sqlalchemy import create_engine, text

log = logging.getLogger(__name__)

engine = create_engine(
    os.environ["HELPDESK_DATABASE_URL"],
    pool_size=5,
    max_overflow=5,
    pool_pre_ping=True,
)


def open_ticket(queue: str, sender: str, subject: str, body: str) -> int | None:
    conn = engine.connect()
    row = conn.execute(
        text("SELECT id FROM queues WHERE slug = :slug AND active"),
        {"slug": queue},
    ).first()
    if row is None:
        log.warning("mail for unknown queue %r from %s", queue, sender)
        return None
    ticket_id = conn.execute(
        text(
            "INSERT INTO tickets (queue_id, requester, subject, body) "
            "VALUES (:queue_id, :requester, :subject, :body) RETURNING id"
        ),
        {"queue_id": row.id, "requester": sender, "subject": subject, "body": body},
    ).scalar_one()
    conn.commit()
    conn.close()
    return ticket_id


def add_reply(ticket_id: int, sender: str, body: str) -> None:
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO ticket_messages (ticket_id, author, body) VALUES (:t, :a, :b)"),
            {"t": ticket_id, "a": sender, "b": body},
        )
