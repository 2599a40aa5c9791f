"""fail2ban Python action: records bans in the edge database and reports
offending addresses to the internal abuse service.

fail2ban-server instantiates Action once per jail; start() runs when the jail
starts, ban()/unban() run for every ban and unban of that jail.
"""
import os
import socket

import psycopg2
import psycopg2.pool
import requests
from fail2ban.server.actions import ActionBase

EDGE_DSN = os.environ.get(
    "EDGE_DB_DSN", "host=edge-db.internal dbname=edge user=fail2ban connect_timeout=5"
)


class AbuseReportAction(ActionBase):
    def __init__(self, jail, name, abuse_api="https://abuse.internal/api/v1",
                 category="generic", timeout=10):
        super(AbuseReportAction, self).__init__(jail, name)
        self.abuse_api = abuse_api.rstrip("/")
        self.category = category
        self.timeout = int(timeout)
        self.hostname = socket.gethostname()
        self._pool = None

    def start(self):
        self._pool = psycopg2.pool.ThreadedConnectionPool(1, 3, EDGE_DSN)
        self._logSys.info("abuse-report started for jail %s", self._jail.name)

    def stop(self):
        if self._pool is not None:
            self._pool.closeall()
            self._pool = None

    def ban(self, aInfo):
        ip = str(aInfo["ip"])
        failures = int(aInfo.get("failures", 0))

        conn = self._pool.getconn()
        try:
            with conn, conn.cursor() as cur:
                cur.execute(
                    "INSERT INTO bans (ip, jail, host, failures, banned_at) "
                    "VALUES (%s, %s, %s, %s, now())",
                    (ip, self._jail.name, self.hostname, failures),
                )
        finally:
            self._pool.putconn(conn)

        session = requests.Session()
        session.headers["Authorization"] = "Bearer " + os.environ.get("ABUSE_API_TOKEN", "")
        resp = session.post(
            self.abuse_api + "/reports",
            json={
                "ip": ip,
                "category": self.category,
                "jail": self._jail.name,
                "reporter": self.hostname,
                "failures": failures,
                "matches": [str(m) for m in (aInfo.get("matches") or [])][-5:],
            },
            timeout=self.timeout,
        )
        if resp.status_code >= 400:
            self._logSys.warning("abuse report for %s failed: %s", ip, resp.status_code)

    def unban(self, aInfo):
        ip = str(aInfo["ip"])
        conn = self._pool.getconn()
        cur = conn.cursor()
        cur.execute(
            "UPDATE bans SET unbanned_at = now() WHERE ip = %s AND jail = %s "
            "AND unbanned_at IS NULL RETURNING id",
            (ip, self._jail.name),
        )
        if cur.fetchone() is None:
            self._logSys.debug("no open ban row for %s in %s", ip, self._jail.name)
            return
        conn.commit()
        cur.close()
        self._pool.putconn(conn)


Action = AbuseReportAction
