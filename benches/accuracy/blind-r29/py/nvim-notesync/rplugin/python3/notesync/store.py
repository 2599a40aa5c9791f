"""Database models for the note index shared with the notes web service."""
import os
from datetime import datetime, timezone

from sqlalchemy import DateTime, ForeignKey, String, Text, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

DATABASE_URL = os.environ.get(
    "NOTESYNC_DATABASE_URL",
    "postgresql+psycopg://notes:notes@localhost:5432/notes",
)

# Built once when the remote plugin host imports the package.
engine = create_engine(DATABASE_URL, pool_size=3, max_overflow=2, pool_pre_ping=True)


class Base(DeclarativeBase):
    pass


class Note(Base):
    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(String(512), unique=True)
    title: Mapped[str] = mapped_column(String(256))
    body: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Tag(Base):
    __tablename__ = "note_tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("notes.id"))
    name: Mapped[str] = mapped_column(String(64))


def upsert_note(path: str, title: str, body: str) -> int:
    with Session(engine) as session, session.begin():
        note = session.scalar(select(Note).where(Note.path == path))
        if note is None:
            note = Note(path=path, title=title, body=body)
            session.add(note)
        note.title = title
        note.body = body
        note.updated_at = datetime.now(timezone.utc)
        session.flush()
        return note.id


def find_note_id(session: Session, path: str):
    return session.scalar(select(Note.id).where(Note.path == path))
