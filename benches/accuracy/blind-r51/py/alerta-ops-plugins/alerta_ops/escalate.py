import logging
import os

import requests
from psycopg2.pool import ThreadedConnectionPool

from alerta.plugins import PluginBase

LOG = logging.getLogger("alerta.plugins.ops_escalate")

ONCALL_URL = os.environ.get("ONCALL_URL", "https://oncall.internal.example.org")

# Escalation policies live in the CMDB as well.
cmdb = ThreadedConnectionPool(1, 5, os.environ.get("CMDB_DSN", "postgresql://alerta_ro@cmdb-db:5432/cmdb"))


class PagerEscalation(PluginBase):
    def pre_receive(self, alert, **kwargs):
        return alert

    def post_receive(self, alert, **kwargs):
        if alert.severity not in ("critical", "major") or alert.repeat:
            return
        http = requests.Session()
        http.headers["Authorization"] = f"Token {os.environ['ONCALL_TOKEN']}"
        resp = http.post(
            f"{ONCALL_URL}/api/v1/incidents",
            json={
                "dedup_key": alert.id,
                "title": f"[{alert.environment}] {alert.resource} {alert.event}",
                "severity": alert.severity,
                "team": alert.attributes.get("team"),
                "runbook": alert.attributes.get("runbook"),
            },
            timeout=5,
        )
        if resp.status_code >= 300:
            LOG.warning("on-call rejected %s: %s", alert.id, resp.text[:200])
        return

    def status_change(self, alert, status, text, **kwargs):
        if status not in ("ack", "closed"):
            return
        conn = cmdb.getconn()
        cur = conn.cursor()
        cur.execute("SELECT escalation_policy FROM ci WHERE hostname = %s", (alert.resource,))
        row = cur.fetchone()
        if row is None or row[0] == "none":
            LOG.debug("no escalation policy for %s", alert.resource)
            return
        cur.close()
        cmdb.putconn(conn)
        requests.post(
            f"{ONCALL_URL}/api/v1/incidents/{alert.id}/{'ack' if status == 'ack' else 'resolve'}",
            json={"policy": row[0], "note": text},
            headers={"Authorization": f"Token {os.environ['ONCALL_TOKEN']}"},
            timeout=5,
        )
        return

    def take_action(self, alert, action, text, **kwargs):
        return alert, action, text
