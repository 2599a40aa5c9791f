from datetime import datetime, timezone

from sqlalchemy import DateTime, String, Text, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class Note(Base):
    __tablename__ = "survey_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    site_code: Mapped[str] = mapped_column(String(32), index=True)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=lambda: datetime.now(timezone.utc)
    )


def make_session_factory(url: str):
    """Called once from FieldNotes.startup(); returns (engine, sessionmaker)."""
    engine = create_engine(url, pool_size=2, max_overflow=1, pool_pre_ping=True, pool_recycle=900)
    return engine, sessionmaker(bind=engine, expire_on_commit=False)
