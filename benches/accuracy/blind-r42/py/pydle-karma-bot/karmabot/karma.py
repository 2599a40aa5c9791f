"""Karma bookkeeping. Written before db.py existed; talks to the same database."""
import os

from sqlalchemy import create_engine, text

_engine = create_engine(
    os.environ.get("DATABASE_URL", "postgresql+psycopg2://karma@localhost/karma"),
    pool_size=3,
)

UPSERT = text(
    """
    INSERT INTO karma (nick, score) VALUES (:nick, :delta)
    ON CONFLICT (nick) DO UPDATE SET score = karma.score + EXCLUDED.score
    RETURNING score
    """
)


def bump(nick: str, delta: int) -> int:
    with _engine.begin() as conn:
        return conn.execute(UPSERT, {"nick": nick.lower(), "delta": delta}).scalar_one()


def score(nick: str) -> int:
    with _engine.connect() as conn:
        value = conn.execute(text("SELECT score FROM karma WHERE nick = :nick"), {"nick": nick.lower()}).scalar()
    return value or 0


def top(limit: int = 5) -> list[tuple[str, int]]:
    with _engine.connect() as conn:
        rows = conn.execute(text("SELECT nick, score FROM karma ORDER BY score DESC LIMIT :n"), {"n": limit})
        return [(r.nick, r.score) for r in rows]
