import os

import requests
from errbot import BotPlugin, arg_botcmd, botcmd
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool
from pymongo import MongoClient

INCIDENTS_DSN = os.environ.get("INCIDENTS_DSN", "postgresql://opsbot@incidents-db:5432/incidents")
ONCALL_MONGO_URL = os.environ.get("ONCALL_MONGO_URL", "mongodb://oncall-db:27017")
DEPLOY_API = os.environ.get("DEPLOY_API", "https://deploys.internal.example.com/api")
ANNOUNCE_CHANNEL = os.environ.get("ANNOUNCE_CHANNEL", "#deploys")


class OpsBot(BotPlugin):
    """Chat-ops helpers for the SRE channel."""

    def activate(self):
        super().activate()
        self.incidents = ConnectionPool(
            INCIDENTS_DSN, min_size=1, max_size=4, kwargs={"row_factory": dict_row}, open=True
        )
        if "last_deploy_id" not in self:
            self["last_deploy_id"] = 0
        self.start_poller(60, self.poll_deploys)

    def deactivate(self):
        self.incidents.close()
        super().deactivate()

    def poll_deploys(self):
        """Announce deploys finished since the last poll."""
        http = requests.Session()
        http.headers["Authorization"] = f"Bearer {os.environ['DEPLOY_TOKEN']}"
        resp = http.get(f"{DEPLOY_API}/deploys", params={"after": self["last_deploy_id"]}, timeout=10)
        resp.raise_for_status()
        for deploy in resp.json()["items"]:
            self.send(
                self.build_identifier(ANNOUNCE_CHANNEL),
                f":rocket: {deploy['service']} {deploy['version']} -> {deploy['env']} by {deploy['author']}",
            )
            self["last_deploy_id"] = max(self["last_deploy_id"], deploy["id"])

    @botcmd
    def oncall(self, msg, args):
        """Who is on call right now? Usage: !oncall [team]"""
        team = args.strip() or "platform"
        client = MongoClient(ONCALL_MONGO_URL, serverSelectionTimeoutMS=3000)
        shift = client.oncall.shifts.find_one({"team": team, "active": True})
        if shift is None:
            return f"Nobody is on call for {team}"
        return f"{team}: {shift['primary']} (secondary: {shift.get('secondary', 'n/a')})"

    @arg_botcmd("service", type=str)
    @arg_botcmd("--limit", dest="limit", type=int, default=5)
    def incidents(self, msg, service=None, limit=5):
        """List open incidents for a service."""
        conn = self.incidents.getconn()
        rows = conn.execute(
            "SELECT id, severity, title, opened_at FROM incidents "
            "WHERE service = %s AND resolved_at IS NULL ORDER BY opened_at DESC LIMIT %s",
            (service, limit),
        ).fetchall()
        if not rows:
            return f"No open incidents for {service} :tada:"
        self.incidents.putconn(conn)
        return "\n".join(f"#{r['id']} [{r['severity']}] {r['title']} (since {r['opened_at']:%H:%M})" for r in rows)

    @botcmd(admin_only=True)
    def incident_count(self, msg, args):
        """Total open incidents across all services."""
        with self.incidents.connection() as conn:
            row = conn.execute("SELECT count(*) AS n FROM incidents WHERE resolved_at IS NULL").fetchone()
        return f"{row['n']} open incidents"
