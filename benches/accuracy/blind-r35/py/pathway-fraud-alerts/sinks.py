import logging

import httpx
import redis

log = logging.getLogger(__name__)


class AlertSink:
    """Receives row changes from pw.io.subscribe and raises deduplicated alerts."""

    def __init__(self, http: httpx.Client, cache: redis.Redis, cooldown_s: int = 3600):
        self.http = http
        self.cache = cache
        self.cooldown_s = cooldown_s

    def on_change(self, key, row: dict, time: int, is_addition: bool) -> None:
        if not is_addition:
            return
        account = row["account"]
        if not self.cache.set(f"fraud:alerted:{account}", time, nx=True, ex=self.cooldown_s):
            return
        resp = self.http.post(
            "/v1/alerts",
            json={
                "account": account,
                "total": row["total"],
                "transactions": row["n"],
                "countries": row["countries"],
            },
        )
        if resp.status_code >= 400:
            log.error("alert for %s rejected: %s", account, resp.text)

    def on_end(self) -> None:
        log.info("stream finished, closing sinks")
        self.http.close()
        self.cache.close()
