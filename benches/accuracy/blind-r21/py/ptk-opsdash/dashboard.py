"""Dashboard state and key bindings. Clients are injected; nothing here opens connections."""
from __future__ import annotations

import asyncio
import threading
from datetime import datetime

import httpx
from clickhouse_connect.driver.client import Client
from prompt_toolkit.formatted_text import HTML
from prompt_toolkit.key_binding import KeyBindings

WINDOWS = ["5 MINUTE", "1 HOUR", "24 HOUR"]


class Dashboard:
    def __init__(self, ch: Client, status_api: httpx.Client):
        self.ch = ch
        self.status_api = status_api
        self.window = 0
        self.rows: list[tuple] = []
        self.incidents: list[dict] = []
        self.updated: datetime | None = None
        self.error: str | None = None
        self._lock = threading.Lock()

    def refresh(self) -> None:
        try:
            result = self.ch.query(
                "SELECT source, count() AS events, countIf(status != 'ok') AS failed, "
                "max(ingested_at) AS last_seen FROM events "
                f"WHERE ingested_at > now() - INTERVAL {WINDOWS[self.window]} "
                "GROUP BY source ORDER BY failed DESC, events DESC LIMIT 25"
            )
            incidents = self.status_api.get("/incidents", params={"state": "open"}).json()
        except Exception as exc:  # keep the last good data on screen
            self.error = str(exc)
            return
        with self._lock:
            self.rows = result.result_rows
            self.incidents = incidents
            self.updated = datetime.now()
            self.error = None

    def render(self) -> HTML:
        with self._lock:
            stamp = f"{self.updated:%H:%M:%S}" if self.updated else "never"
            lines = [f"<b>Ingest health</b> - last {WINDOWS[self.window].lower()}   updated {stamp}", ""]
            for source, events, failed, last_seen in self.rows:
                style = "ansired" if failed else "ansigreen"
                lines.append(f"<{style}>{source:<28}</{style}> {events:>10} {failed:>8}  {last_seen:%H:%M:%S}")
            lines.append("")
            lines.append(f"<b>Open incidents:</b> {len(self.incidents)}")
            for inc in self.incidents[:5]:
                lines.append(f"  #{inc['id']} {inc['title']}")
            if self.error:
                lines.append(f"<ansiyellow>last refresh failed: {self.error}</ansiyellow>")
            lines.append("\n[r] refresh  [w] window  [q] quit")
        return HTML("\n".join(lines))


def make_bindings(dash: Dashboard) -> KeyBindings:
    kb = KeyBindings()

    async def _refresh_in_background(app) -> None:
        await asyncio.to_thread(dash.refresh)
        app.invalidate()

    @kb.add("r")
    def _refresh(event) -> None:
        event.app.create_background_task(_refresh_in_background(event.app))

    @kb.add("w")
    def _window(event) -> None:
        dash.window = (dash.window + 1) % len(WINDOWS)
        event.app.create_background_task(_refresh_in_background(event.app))

    @kb.add("q")
    @kb.add("c-c")
    def _quit(event) -> None:
        event.app.exit()

    return kb
