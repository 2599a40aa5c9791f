import logging
import re
from typing import Any, Dict, Literal, Union

import redis
from synapse.events import EventBase
from synapse.module_api import NOT_SPAM, ModuleApi
from synapse.module_api.errors import Codes

from synapse_guard import reports, store

logger = logging.getLogger(__name__)

URL_RE = re.compile(r"https?://([^/\s]+)", re.IGNORECASE)


class SpamGuard:
    def __init__(self, config: Dict[str, Any], api: ModuleApi):
        self._api = api
        self._redis_url = config["redis_url"]
        self._max_per_minute = int(config.get("max_messages_per_minute", 20))
        self._blocked_domains = {d.lower() for d in config.get("blocked_domains", [])}
        self._quarantine_rooms = set(config.get("quarantine_rooms", []))

        api.register_spam_checker_callbacks(
            check_event_for_spam=self.check_event_for_spam,
            user_may_join_room=self.user_may_join_room,
        )
        api.register_third_party_rules_callbacks(on_new_event=self.on_new_event)

    @staticmethod
    def parse_config(config: Dict[str, Any]) -> Dict[str, Any]:
        if "redis_url" not in config:
            raise ValueError("synapse_guard: redis_url is required")
        return config

    def _bump_rate(self, sender: str) -> int:
        r = redis.Redis.from_url(self._redis_url, socket_timeout=2)
        key = f"guard:rate:{sender}"
        pipe = r.pipeline()
        pipe.incr(key)
        pipe.expire(key, 60)
        count, _ = pipe.execute()
        return int(count)

    async def check_event_for_spam(self, event: EventBase) -> Union[Literal["NOT_SPAM"], Codes]:
        if event.type != "m.room.message":
            return NOT_SPAM
        if not self._api.is_mine(event.sender):
            return NOT_SPAM
        if await self._api.defer_to_thread(store.is_allowlisted, event.sender):
            return NOT_SPAM

        body = event.content.get("body", "")
        for domain in URL_RE.findall(body if isinstance(body, str) else ""):
            if domain.lower() in self._blocked_domains:
                await self._api.defer_to_thread(
                    store.record_verdict, event.event_id, event.room_id, event.sender, "blocked-domain"
                )
                return Codes.FORBIDDEN

        count = await self._api.defer_to_thread(self._bump_rate, event.sender)
        if count > self._max_per_minute:
            await self._api.defer_to_thread(
                store.record_verdict, event.event_id, event.room_id, event.sender, "rate"
            )
            return Codes.LIMIT_EXCEEDED
        return NOT_SPAM

    async def user_may_join_room(
        self, user: str, room: str, is_invited: bool
    ) -> Union[Literal["NOT_SPAM"], Codes]:
        if room in self._quarantine_rooms and not is_invited:
            return Codes.FORBIDDEN
        return NOT_SPAM

    async def on_new_event(self, event: EventBase, *args: Any) -> None:
        if event.type != "org.example.moderation.report":
            return
        target = event.content.get("event_id")
        if not target:
            return
        await self._api.defer_to_thread(
            reports.open_report,
            event.room_id,
            event.sender,
            target,
            event.content.get("reason", ""),
        )
        pending = await self._api.defer_to_thread(reports.open_report_count, event.room_id)
        logger.info("room %s has %d open moderation reports", event.room_id, pending)
