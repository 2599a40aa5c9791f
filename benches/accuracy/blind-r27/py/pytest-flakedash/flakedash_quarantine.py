"""Quarantine list lookups: tests marked flaky on the dashboard are xfailed."""
import os
from datetime import datetime, timezone

from sqlalchemy import Boolean, DateTime, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

_engine = create_engine(
    os.environ.get("FLAKEDASH_DB_URL", "postgresql+psycopg2://flakedash@flakedash-db/flakedash"),
    pool_pre_ping=True,
)


class Base(DeclarativeBase):
    pass


class Quarantine(Base):
    __tablename__ = "quarantine"

    nodeid: Mapped[str] = mapped_column(String(512), primary_key=True)
    project: Mapped[str] = mapped_column(String(128), primary_key=True)
    reason: Mapped[str] = mapped_column(String(256))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=True)


def quarantine_reason(project, nodeid):
    """Return the quarantine reason for a test, or None if it is not quarantined."""
    session = Session(_engine)
    entry = session.scalar(
        select(Quarantine).where(
            Quarantine.project == project,
            Quarantine.nodeid == nodeid,
            Quarantine.active.is_(True),
        )
    )
    if entry is None:
        return None
    if entry.expires_at and entry.expires_at < datetime.now(timezone.utc):
        return None
    return entry.reason


def active_count(project):
    with Session(_engine) as session:
        return len(
            session.scalars(
                select(Quarantine.nodeid).where(Quarantine.project == project, Quarantine.active.is_(True))
            ).all()
        )
