"""Per journal entry processing: record failed SSH logins and page on bursts."""
import re

from sqlalchemy import text

FAILED = re.compile(r"Failed (?:password|publickey) for (?:invalid user )?(\S+) from (\S+)")


class FailedLoginRule:
    def __init__(self, engine, http, webhook_url, threshold=20):
        self.engine = engine
        self.http = http
        self.webhook_url = webhook_url
        self.threshold = threshold

    def handle(self, entry):
        m = FAILED.search(entry.get("MESSAGE", ""))
        if not m:
            return
        user, src = m.groups()
        with self.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO failed_logins (src, username, host, seen_at) "
                    "VALUES (:src, :u, :h, :ts)"
                ),
                {"src": src, "u": user, "h": entry.get("_HOSTNAME"), "ts": entry["__REALTIME_TIMESTAMP"]},
            )
            hits = conn.execute(
                text(
                    "SELECT count(*) FROM failed_logins "
                    "WHERE src = :src AND seen_at > now() - interval '10 minutes'"
                ),
                {"src": src},
            ).scalar_one()
        if hits == self.threshold:
            self.http.post(
                self.webhook_url,
                json={"text": f"{hits} failed SSH logins from {src} in 10 min (last user {user})"},
                timeout=5,
            )
