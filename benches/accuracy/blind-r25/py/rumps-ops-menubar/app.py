"""Ops menu bar app: status summary, queue depths, alerts and the last deploy."""

import getpass
import os

import requests
import rumps
import sqlalchemy as sa

import alerts
import queue_stats

STATUS_URL = os.environ.get("STATUS_URL", "https://status.internal.example.com")
STATUS_TOKEN = os.environ.get("STATUS_TOKEN", "")

engine = sa.create_engine(
    os.environ.get("OPS_DB_URL", "postgresql+psycopg://ops@ops-db.internal/ops"),
    pool_size=2,
    max_overflow=0,
    pool_pre_ping=True,
)

IDLE, WARN = "⚙︎", "⚠︎"


class OpsMenu(rumps.App):
    def __init__(self):
        super().__init__("Ops", title=IDLE, quit_button="Quit")
        self.menu = ["Queue depths", "Acknowledge alerts", "Last deploy", None, "Reset counters"]
        self.last_summary = None
        self.timer = rumps.Timer(self.poll, 60)
        self.timer.start()

    def poll(self, sender):
        http = requests.Session()
        http.headers["Authorization"] = f"Bearer {STATUS_TOKEN}"
        try:
            resp = http.get(f"{STATUS_URL}/api/v1/summary", timeout=5)
            resp.raise_for_status()
            summary = resp.json()
        except requests.RequestException:
            self.title = WARN
            return

        degraded = [c["name"] for c in summary["components"] if c["status"] != "operational"]
        backed_up = queue_stats.backed_up()
        self.title = WARN if degraded or backed_up else IDLE
        if degraded and degraded != self.last_summary:
            rumps.notification("Degraded components", "", ", ".join(degraded))
        self.last_summary = degraded

    @rumps.clicked("Queue depths")
    def show_depths(self, _):
        rumps.alert(title="Queue depths", message=queue_stats.format_depths())

    @rumps.clicked("Acknowledge alerts")
    def ack_alerts(self, _):
        pending = alerts.pending_alerts()
        if not pending:
            rumps.alert(alerts.summary())
            return
        who = getpass.getuser()
        for alert in pending:
            alerts.ack(alert, who)
        rumps.notification("Alerts", "", f"Acknowledged {len(pending)} alerts")

    @rumps.clicked("Last deploy")
    def last_deploy(self, _):
        conn = engine.connect()
        row = conn.execute(
            sa.text(
                "SELECT service, version, deployed_at FROM deploys "
                "ORDER BY deployed_at DESC LIMIT 1"
            )
        ).first()
        if row is None:
            rumps.alert("No deploys recorded yet")
            return
        rumps.notification("Last deploy", row.service, f"{row.version} at {row.deployed_at:%H:%M}")
        conn.close()

    @rumps.clicked("Reset counters")
    def reset(self, _):
        if rumps.alert("Reset processed/failed counters?", ok="Reset", cancel="Cancel") == 1:
            queue_stats.reset_counters()


if __name__ == "__main__":
    OpsMenu().run()
