"""Warehouse ops board.  Served with flexx: every browser tab that opens the
page gets its own OpsBoard instance on the server."""

from flexx import flx
import httpx
from sqlalchemy import create_engine, text

import settings

BACKLOG_SQL = text(
    """
    SELECT wave, count(*) AS open_picks, min(promised_at) AS oldest
    FROM pick_tasks
    WHERE status = 'open'
    GROUP BY wave
    ORDER BY oldest
    LIMIT 12
    """
)


class OpsBoard(flx.PyWidget):

    def init(self):
        self.engine = create_engine(settings.DATABASE_URL, pool_pre_ping=True)
        with flx.VBox(flex=1):
            flx.Label(text="Outbound backlog", style="font-weight: bold;")
            with flx.HBox():
                self.refresh_btn = flx.Button(text="Refresh backlog")
                self.carrier_btn = flx.Button(text="Check carriers")
            self.backlog = flx.Label(text="loading...", wrap=True)
            self.carrier_status = flx.Label(text="", wrap=True)
            flx.Widget(flex=1)
        self._load_backlog()

    def _load_backlog(self):
        with self.engine.connect() as conn:
            rows = conn.execute(BACKLOG_SQL).all()
        lines = [f"wave {r.wave}: {r.open_picks} open, oldest {r.oldest:%H:%M}" for r in rows]
        self.backlog.set_text("\n".join(lines) or "no open picks")

    @flx.reaction("refresh_btn.pointer_click")
    def _on_refresh(self, *events):
        self._load_backlog()

    @flx.reaction("carrier_btn.pointer_click")
    def _on_check_carriers(self, *events):
        client = httpx.Client(base_url=settings.CARRIER_STATUS_URL, timeout=5.0)
        lines = []
        for carrier in settings.CARRIERS:
            try:
                resp = client.get(f"/v1/carriers/{carrier}/health")
                state = resp.json().get("state", "unknown") if resp.is_success else f"HTTP {resp.status_code}"
            except httpx.HTTPError as exc:
                state = f"error: {exc.__class__.__name__}"
            lines.append(f"{carrier.upper()}: {state}")
        self.carrier_status.set_text("\n".join(lines))


if __name__ == "__main__":
    flx.config.hostname = "0.0.0.0"
    flx.config.port = settings.PORT
    app = flx.App(OpsBoard, title="Ops board")
    app.serve("")
    flx.start()
