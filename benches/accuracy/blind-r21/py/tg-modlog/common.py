"""Shared by all three entry points (web, worker, backfill): tables and the engine factory.

Each process calls make_engine() exactly once at start-up.
"""
from __future__ import annotations

import os
from datetime import datetime, timezone

from sqlalchemy import DateTime, String, Text, create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

SUBREDDIT = os.environ.get("MODLOG_SUBREDDIT", "examplecommunity")


class Base(DeclarativeBase):
    pass


class ModAction(Base):
    __tablename__ = "mod_actions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    subreddit: Mapped[str] = mapped_column(String(64), index=True)
    moderator: Mapped[str] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(48), index=True)
    target_author: Mapped[str | None] = mapped_column(String(64), nullable=True)
    target_permalink: Mapped[str | None] = mapped_column(Text, nullable=True)
    details: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


def make_engine(pool_size: int = 5) -> Engine:
    return create_engine(
        os.environ.get("DATABASE_URL", "postgresql+psycopg://modlog:modlog@pg.internal:5432/modlog"),
        pool_size=pool_size,
        max_overflow=2,
        pool_pre_ping=True,
    )


def to_row(entry) -> ModAction:
    """Convert a praw ModAction into our table row."""
    return ModAction(
        id=entry.id,
        subreddit=str(entry.subreddit),
        moderator=str(entry.mod),
        action=entry.action,
        target_author=entry.target_author or None,
        target_permalink=entry.target_permalink or None,
        details=entry.details or entry.description or None,
        created_at=datetime.fromtimestamp(entry.created_utc, tz=timezone.utc),
    )
