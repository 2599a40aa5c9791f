"""syslog-ng python() destination: records failed SSH logins and raises an alert
document in Elasticsearch when a source address crosses the threshold."""
import re
from datetime import datetime, timedelta, timezone

from elasticsearch import Elasticsearch
from sqlalchemy import create_engine, text
from syslogng import LogDestination

FAILED_RE = re.compile(
    r"Failed (?:password|publickey) for (?:invalid user )?(?P<user>\S+) from (?P<ip>[0-9a-fA-F.:]+)"
)


class AuthAlertDestination(LogDestination):
    def init(self, options):
        self.database_url = options["database_url"]
        self.es_url = options["es_url"]
        with open(options["es_api_key_file"], encoding="ascii") as fh:
            self.es_api_key = fh.read().strip()
        self.threshold = int(options.get("threshold", 8))
        self.window = timedelta(minutes=int(options.get("window_minutes", 10)))
        self.engine = None
        return True

    def open(self):
        self.engine = create_engine(self.database_url, pool_size=2, max_overflow=0, pool_pre_ping=True)
        return True

    def is_opened(self):
        return self.engine is not None

    def close(self):
        if self.engine is not None:
            self.engine.dispose()
            self.engine = None

    def send(self, msg):
        line = msg["MESSAGE"].decode("utf-8", "replace")
        match = FAILED_RE.search(line)
        if match is None:
            return self.SUCCESS

        host = msg["HOST"].decode("utf-8", "replace")
        now = datetime.now(timezone.utc)
        conn = self.engine.connect()
        conn.execute(
            text("INSERT INTO failed_logins (host, username, src_ip, seen_at) VALUES (:h, :u, :ip, :t)"),
            {"h": host, "u": match["user"], "ip": match["ip"], "t": now},
        )
        conn.commit()
        recent = conn.execute(
            text("SELECT count(*) FROM failed_logins WHERE src_ip = :ip AND seen_at > :since"),
            {"ip": match["ip"], "since": now - self.window},
        ).scalar_one()

        if recent == self.threshold:
            es = Elasticsearch(self.es_url, api_key=self.es_api_key, request_timeout=5)
            es.index(
                index="auth-alerts",
                document={
                    "@timestamp": now.isoformat(),
                    "host": host,
                    "src_ip": match["ip"],
                    "username": match["user"],
                    "failures": recent,
                    "window_minutes": int(self.window.total_seconds() // 60),
                },
            )
        return self.SUCCESS
