#!/usr/bin/env python3
"""Cortex analyzer. Cortex starts one process (or container) per analysis job:
the job's input arrives on stdin / in /job/input, the report is written once and
the process exits."""
import time

import psycopg2
import requests
from cortexutils.analyzer import Analyzer

QUERY = """
SELECT a.hostname, a.ip, t.name AS team, a.criticality, a.os, a.last_seen
FROM assets a JOIN teams t ON t.id = a.team_id
WHERE a.hostname = %(v)s OR a.fqdn = %(v)s OR a.ip = %(v)s::inet
LIMIT 1
"""


class AssetOwnerAnalyzer(Analyzer):
    def __init__(self):
        Analyzer.__init__(self)
        self.db_dsn = self.get_param("config.db_dsn", None, "Missing asset DB DSN")
        self.iam_url = self.get_param("config.iam_url", None, "Missing IAM URL")
        self.iam_token = self.get_param("config.iam_token", None, "Missing IAM token")
        self.attempts = int(self.get_param("config.connect_attempts", 3))

    def connect(self):
        last_error = None
        for attempt in range(1, self.attempts + 1):
            try:
                conn = psycopg2.connect(self.db_dsn, connect_timeout=5, application_name="cortex-assetowner")
                break
            except psycopg2.OperationalError as e:
                last_error = e
                time.sleep(attempt)
        else:
            self.error(f"asset DB unreachable after {self.attempts} attempts: {last_error}")
        return conn

    def summary(self, raw):
        taxonomies = []
        if raw.get("found"):
            level = "suspicious" if raw["asset"]["criticality"] == "crown-jewel" else "info"
            taxonomies.append(self.build_taxonomy(level, "AssetOwner", "Team", raw["asset"]["team"]))
            taxonomies.append(self.build_taxonomy("info", "AssetOwner", "Criticality", raw["asset"]["criticality"]))
        else:
            taxonomies.append(self.build_taxonomy("info", "AssetOwner", "Found", "False"))
        return {"taxonomies": taxonomies}

    def run(self):
        value = self.get_data()
        conn = self.connect()
        try:
            with conn.cursor() as cur:
                cur.execute(QUERY, {"v": value})
                row = cur.fetchone()
        finally:
            conn.close()

        if row is None:
            self.report({"found": False, "value": value})
            return

        asset = {
            "hostname": row[0],
            "ip": str(row[1]),
            "team": row[2],
            "criticality": row[3],
            "os": row[4],
            "last_seen": row[5].isoformat() if row[5] else None,
        }
        with requests.Session() as iam:
            iam.headers["Authorization"] = f"Bearer {self.iam_token}"
            owners = iam.get(f"{self.iam_url}/teams/{asset['team']}/members", timeout=10).json()
            logins = iam.get(f"{self.iam_url}/hosts/{asset['hostname']}/logins", params={"days": 7}, timeout=10).json()

        self.report({"found": True, "asset": asset, "owners": owners, "recent_logins": logins})


if __name__ == "__main__":
    AssetOwnerAnalyzer().run()
