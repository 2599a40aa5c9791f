"""Tray icon showing the pick-queue health; menu actions call the ops API."""
import logging
import threading
import webbrowser

import pystray
import requests
from PIL import Image, ImageDraw
from sqlalchemy import text

from opstray.clients import OPS_API, make_engine, make_http, make_sessionmaker

log = logging.getLogger("opstray")

REFRESH_SECONDS = 60
COLOURS = {"ok": "#2e7d32", "warn": "#f9a825", "bad": "#c62828", "unknown": "#757575"}


def _icon_image(state: str) -> Image.Image:
    img = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    ImageDraw.Draw(img).ellipse((6, 6, 58, 58), fill=COLOURS[state])
    return img


class OpsTray:
    def __init__(self, Session, http: requests.Session):
        self.Session = Session
        self.http = http
        self.state = "unknown"
        self.summary = "loading..."
        self.stop_event = threading.Event()
        self.icon = pystray.Icon(
            "opstray",
            _icon_image("unknown"),
            "Warehouse ops",
            menu=pystray.Menu(
                pystray.MenuItem(lambda item: self.summary, None, enabled=False),
                pystray.Menu.SEPARATOR,
                pystray.MenuItem("Refresh now", self.on_refresh),
                pystray.MenuItem("Retry failed jobs", self.on_retry_failed),
                pystray.MenuItem("Open dashboard", self.on_dashboard),
                pystray.MenuItem("Quit", self.on_quit),
            ),
        )

    def refresh(self) -> None:
        with self.Session() as session:
            depth, failed = session.execute(
                text(
                    "SELECT "
                    " (SELECT COUNT(*) FROM pick_tasks WHERE status = 'queued'),"
                    " (SELECT COUNT(*) FROM jobs WHERE status = 'failed' AND updated_at > NOW() - INTERVAL 1 HOUR)"
                )
            ).one()
        self.state = "bad" if failed > 20 else "warn" if failed or depth > 500 else "ok"
        self.summary = f"queue {depth} | failed (1h) {failed}"
        self.icon.icon = _icon_image(self.state)
        self.icon.title = f"Warehouse ops: {self.summary}"
        self.icon.update_menu()

    def refresh_loop(self) -> None:
        while not self.stop_event.is_set():
            try:
                self.refresh()
            except Exception:  # keep the tray alive through DB blips
                log.exception("refresh failed")
                self.state = "unknown"
            self.stop_event.wait(REFRESH_SECONDS)

    def on_refresh(self, icon, item) -> None:
        self.refresh()

    def on_retry_failed(self, icon, item) -> None:
        try:
            resp = self.http.post(f"{OPS_API}/jobs/retry", json={"status": "failed", "window": "1h"}, timeout=10)
            resp.raise_for_status()
            icon.notify(f"Requeued {resp.json().get('requeued', 0)} jobs", "Warehouse ops")
        except requests.RequestException as exc:
            icon.notify(f"Retry failed: {exc}", "Warehouse ops")
        self.refresh()

    def on_dashboard(self, icon, item) -> None:
        webbrowser.open(OPS_API.replace("/api", "/dashboard"))

    def on_quit(self, icon, item) -> None:
        self.stop_event.set()
        icon.stop()

    def setup(self, icon) -> None:
        icon.visible = True
        threading.Thread(target=self.refresh_loop, name="refresh", daemon=True).start()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    engine = make_engine()
    http = make_http()
    tray = OpsTray(make_sessionmaker(engine), http)
    try:
        tray.icon.run(setup=tray.setup)
    finally:
        tray.stop_event.set()
        http.close()
        engine.dispose()


if __name__ == "__main__":
    main()
