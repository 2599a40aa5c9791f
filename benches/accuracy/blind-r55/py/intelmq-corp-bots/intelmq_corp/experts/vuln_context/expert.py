"""Vulnerability context expert

Adds the highest-rated open findings of the internal vulnerability scanner for
the affected host/port as ``extra.vulnerabilities`` and raises the event's
classification when a known-exploited CVE is present.
"""
from intelmq.lib.bot import ExpertBot
from intelmq.lib.exceptions import MissingDependencyError

try:
    import psycopg
except ImportError:
    psycopg = None

FINDINGS_SQL = """
    SELECT cve, cvss, kev
      FROM scan_findings
     WHERE host = %(host)s::inet
       AND (%(port)s::int IS NULL OR port = %(port)s::int)
       AND closed_at IS NULL
  ORDER BY kev DESC, cvss DESC
     LIMIT %(limit)s
"""


class VulnContextExpertBot(ExpertBot):
    """Attach open scanner findings to the event"""
    vulndb_dsn: str = "host=vulndb.internal dbname=scans user=intelmq"
    max_findings: int = 5
    min_cvss: float = 4.0

    def init(self):
        if psycopg is None:
            raise MissingDependencyError("psycopg")

    def process(self):
        event = self.receive_message()
        host = event.get("source.ip")
        if host is None:
            self.send_message(event)
            self.acknowledge_message()
            return

        with psycopg.connect(self.vulndb_dsn, autocommit=True, connect_timeout=5) as conn:
            rows = conn.execute(
                FINDINGS_SQL,
                {"host": host, "port": event.get("source.port"), "limit": self.max_findings},
            ).fetchall()

        findings = [
            {"cve": cve, "cvss": float(cvss), "kev": bool(kev)}
            for cve, cvss, kev in rows
            if cvss is not None and float(cvss) >= self.min_cvss
        ]
        if findings:
            event.add("extra.vulnerabilities", findings, overwrite=True)
            if any(f["kev"] for f in findings):
                event.add("extra.known_exploited", True, overwrite=True)
        self.send_message(event)
        self.acknowledge_message()


BOT = VulnContextExpertBot
