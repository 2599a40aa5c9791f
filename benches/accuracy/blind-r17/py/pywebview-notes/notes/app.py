import os
from pathlib import Path

import webview
from sqlalchemy import create_engine, select
from sqlalchemy.orm import sessionmaker

from notes.models import Base, Note
from notes.net import fx_rate, rates_client

UI = Path(__file__).parent / "ui" / "index.html"


class Api:
    """Exposed to the page as window.pywebview.api.*; each method runs per JS call."""

    def __init__(self, session_factory: sessionmaker):
        self._Session = session_factory

    def list_notes(self):
        with self._Session() as s:
            notes = s.scalars(select(Note).order_by(Note.created_at.desc()).limit(100)).all()
            return [{"id": n.id, "title": n.title, "body": n.body} for n in notes]

    def save_note(self, title: str, body: str, currency: str = "EUR"):
        with self._Session.begin() as s:
            note = Note(title=title, body=body, currency=currency)
            s.add(note)
            s.flush()
            return {"id": note.id}

    def delete_note(self, note_id: int):
        with self._Session.begin() as s:
            note = s.get(Note, note_id)
            if note is not None:
                s.delete(note)
        return {"ok": True}

    def convert(self, amount: float, base: str, quote: str):
        return {"amount": round(amount * fx_rate(base, quote), 2)}


def main():
    engine = create_engine(
        os.environ.get("NOTES_DB_URL", "postgresql+psycopg://notes@team-db.internal/notes"),
        pool_size=2,
        max_overflow=2,
        pool_pre_ping=True,
    )
    Base.metadata.create_all(engine)
    api = Api(sessionmaker(engine, expire_on_commit=False))
    webview.create_window("Field notes", str(UI), js_api=api, width=1000, height=700)
    try:
        webview.start()
    finally:
        rates_client().close()
        engine.dispose()


if __name__ == "__main__":
    main()
