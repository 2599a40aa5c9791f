"""Postgres persistence for matched links."""
import os
from datetime import datetime, timezone

from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

engine = create_engine(
    os.environ.get("DATABASE_URL", "postgresql+psycopg2://linkwatch@localhost/linkwatch"),
    pool_size=5,
    max_overflow=5,
    pool_pre_ping=True,
)


def _parse_ts(value: str | None) -> datetime:
    if not value:
        return datetime.now(timezone.utc)
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return datetime.now(timezone.utc)


def record_link(*, post_uri: str, author_did: str, url: str, domain: str,
                title: str | None, created_at: str | None) -> None:
    session = Session(engine)
    session.execute(
        text(
            "INSERT INTO post_links (post_uri, author_did, url, domain, title, posted_at) "
            "VALUES (:post_uri, :author_did, :url, :domain, :title, :posted_at) "
            "ON CONFLICT (post_uri, url) DO NOTHING"
        ),
        {
            "post_uri": post_uri,
            "author_did": author_did,
            "url": url,
            "domain": domain,
            "title": (title or "")[:300] or None,
            "posted_at": _parse_ts(created_at),
        },
    )
    session.commit()
    session.close()


def bump_domain(domain: str) -> None:
    with Session(engine) as session, session.begin():
        session.execute(
            text(
                "INSERT INTO domain_counts (domain, day, hits) VALUES (:d, current_date, 1) "
                "ON CONFLICT (domain, day) DO UPDATE SET hits = domain_counts.hits + 1"
            ),
            {"d": domain},
        )


def load_cursor() -> int | None:
    with engine.connect() as conn:
        row = conn.execute(text("SELECT seq FROM firehose_cursor WHERE id = 1")).first()
    return row[0] if row else None


def save_cursor(seq: int) -> None:
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO firehose_cursor (id, seq) VALUES (1, :seq) "
                "ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq"
            ),
            {"seq": seq},
        )
