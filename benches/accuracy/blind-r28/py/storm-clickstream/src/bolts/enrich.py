"""Attach session / campaign attributes to every click."""
import json
import os

import redis
from streamparse import Bolt

REDIS_HOST = os.environ.get("SESSION_REDIS_HOST", "sessions.redis.internal")
REDIS_PORT = int(os.environ.get("SESSION_REDIS_PORT", "6379"))

BOT_AGENTS = ("bot", "crawler", "spider", "headless")


class EnrichBolt(Bolt):
    outputs = ["session_id", "event"]

    def initialize(self, storm_conf, context):
        self.task_id = context.get("taskid")
        self.dropped = 0

    def _is_bot(self, event: dict) -> bool:
        agent = (event.get("user_agent") or "").lower()
        return any(marker in agent for marker in BOT_AGENTS)

    def process(self, tup):
        session_id, payload = tup.values
        event = json.loads(payload)
        if self._is_bot(event):
            self.dropped += 1
            return

        sessions = redis.Redis(
            host=REDIS_HOST,
            port=REDIS_PORT,
            db=2,
            socket_timeout=0.5,
            decode_responses=True,
        )
        session = sessions.hgetall(f"session:{session_id}")
        event["customer_id"] = session.get("customer_id")
        event["campaign"] = session.get("utm_campaign") or event.get("utm_campaign")
        event["landing_page"] = session.get("landing_page")
        event["ab_bucket"] = session.get("ab_bucket", "control")

        self.emit([session_id, event], anchors=[tup])

    def process_tick(self, tick_tup):
        if self.dropped:
            self.logger.info("task %s dropped %d bot clicks", self.task_id, self.dropped)
            self.dropped = 0
