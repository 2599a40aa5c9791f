import os

from sqlalchemy import create_engine, text

engine = create_engine(
    os.environ.get("HELPDESK_DB_URL", "postgresql+psycopg://desk@helpdesk-db.internal/helpdesk"),
    pool_pre_ping=True,
)


def link_ticket(jid: str, ticket_id: int) -> None:
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO xmpp_ticket_links (jid, ticket_id) VALUES (:jid, :tid)"),
            {"jid": jid, "tid": ticket_id},
        )


def open_ticket_for(jid: str) -> int | None:
    with engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT l.ticket_id FROM xmpp_ticket_links l JOIN tickets t ON t.id = l.ticket_id "
                "WHERE l.jid = :jid AND t.state = 'open' ORDER BY t.id DESC LIMIT 1"
            ),
            {"jid": jid},
        ).scalar()
