import asyncio
import os

import httpx
import toga
from sqlalchemy import select
from toga.style import Pack
from toga.style.pack import COLUMN, ROW

from .db import Note, make_session_factory

SURVEY_DB_URL = os.environ.get(
    "SURVEY_DB_URL", "postgresql+psycopg://fieldnotes@survey-db.acme.example:5432/survey"
)
SITES_API = os.environ.get("SITES_API", "https://sites.acme.example/api/v1")


class FieldNotes(toga.App):
    def startup(self):
        self.engine, self.Session = make_session_factory(SURVEY_DB_URL)
        self.http = httpx.Client(base_url=SITES_API, timeout=10)

        self.site_input = toga.TextInput(placeholder="Site code", style=Pack(flex=1))
        self.body_input = toga.MultilineTextInput(style=Pack(flex=1, height=200))
        self.status = toga.Label("")
        self.recent = toga.Table(headings=["Site", "Note"], style=Pack(flex=1))

        buttons = toga.Box(
            children=[
                toga.Button("Save", on_press=self.save_note, style=Pack(padding=5)),
                toga.Button("Look up site", on_press=self.lookup_site, style=Pack(padding=5)),
            ],
            style=Pack(direction=ROW),
        )
        self.main_window = toga.MainWindow(title=self.formal_name)
        self.main_window.content = toga.Box(
            children=[self.site_input, self.body_input, buttons, self.status, self.recent],
            style=Pack(direction=COLUMN, padding=10),
        )
        self.main_window.show()
        self.loop.create_task(self.refresh_recent_forever())

    def save_note(self, widget, **kwargs):
        with self.Session.begin() as session:
            session.add(Note(site_code=self.site_input.value.strip(), body=self.body_input.value))
        self.body_input.value = ""
        self.status.text = "Saved."

    async def lookup_site(self, widget, **kwargs):
        code = self.site_input.value.strip()
        resp = await asyncio.to_thread(self.http.get, f"/sites/{code}")
        if resp.status_code == 404:
            self.status.text = f"Unknown site {code}"
            return
        site = resp.json()
        self.status.text = f"{site['name']} - {site['region']}"

    async def refresh_recent_forever(self):
        while True:
            rows = await asyncio.to_thread(self._recent_notes)
            self.recent.data = [(n.site_code, n.body[:60]) for n in rows]
            await asyncio.sleep(30)

    def _recent_notes(self):
        with self.Session() as session:
            return session.scalars(select(Note).order_by(Note.created_at.desc()).limit(20)).all()

    def on_exit(self):
        self.http.close()
        self.engine.dispose()
        return True


def main():
    return FieldNotes("Field Notes", "com.acme.survey.fieldnotes")
