"""Shared database objects for the bot (last_seen table, top list)."""
import os
from datetime import datetime, timezone

from sqlalchemy import DateTime, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql+psycopg2://karma@localhost/karma")

engine = create_engine(DATABASE_URL, pool_size=5, max_overflow=5, pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine, expire_on_commit=False)


class Base(DeclarativeBase):
    pass


class LastSeen(Base):
    __tablename__ = "last_seen"

    nick: Mapped[str] = mapped_column(String(64), primary_key=True)
    channel: Mapped[str] = mapped_column(String(64))
    seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    line: Mapped[str] = mapped_column(String(400))


def touch_seen(nick: str, channel: str, line: str) -> None:
    with SessionLocal() as session, session.begin():
        row = session.get(LastSeen, nick.lower())
        if row is None:
            row = LastSeen(nick=nick.lower(), channel=channel, seen_at=datetime.now(timezone.utc), line=line[:400])
            session.add(row)
        else:
            row.channel = channel
            row.seen_at = datetime.now(timezone.utc)
            row.line = line[:400]


def lookup_seen(nick: str) -> LastSeen | None:
    with SessionLocal() as session:
        return session.scalars(select(LastSeen).where(LastSeen.nick == nick.lower())).first()
