"""Neovim remote plugin: keeps markdown notes in sync with the team notes service."""
import os

import pynvim
import redis
import requests
from sqlalchemy.orm import Session

from .store import Tag, engine, find_note_id, upsert_note

NOTES_API = os.environ.get("NOTES_API", "https://notes.internal.example.com/api")
API_TOKEN = os.environ.get("NOTES_TOKEN", "")


@pynvim.plugin
class NoteSync:
    def __init__(self, nvim):
        # The plugin host instantiates this class once per Neovim instance.
        self.nvim = nvim
        self.cache = redis.Redis.from_url(
            os.environ.get("NOTESYNC_REDIS_URL", "redis://localhost:6379/3"),
            decode_responses=True,
        )

    def _title(self, lines):
        for line in lines:
            if line.startswith("# "):
                return line[2:].strip()
        return "untitled"

    @pynvim.autocmd("BufWritePost", pattern="*.md", eval='expand("<afile>:p")', sync=False)
    def on_write(self, filename):
        lines = self.nvim.current.buffer[:]
        body = "\n".join(lines)
        note_id = upsert_note(filename, self._title(lines), body)

        http = requests.Session()
        http.headers.update({"Authorization": f"Bearer {API_TOKEN}"})
        resp = http.put(
            f"{NOTES_API}/notes/{note_id}",
            json={"path": filename, "body": body},
            timeout=10,
        )
        if resp.status_code >= 400:
            self.nvim.async_call(
                self.nvim.err_write, f"notesync: push failed ({resp.status_code})\n"
            )
            return
        self.cache.incr("notesync:pushes")
        self.cache.hset("notesync:last", mapping={"path": filename, "id": note_id})

    @pynvim.command("NoteTag", nargs="+", sync=True)
    def note_tag(self, args):
        path = self.nvim.current.buffer.name
        session = Session(engine)
        note_id = find_note_id(session, path)
        if note_id is None:
            self.nvim.err_write("notesync: save the note first\n")
            return
        for name in args:
            session.add(Tag(note_id=note_id, name=name.lower()))
        session.commit()
        self.nvim.out_write(f"notesync: tagged {len(args)}\n")

    @pynvim.function("NoteSyncStats", sync=True)
    def stats(self, args):
        pushes = self.cache.get("notesync:pushes") or "0"
        last = self.cache.hgetall("notesync:last")
        return {"pushes": int(pushes), "last": last.get("path", "")}
