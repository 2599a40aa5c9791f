"""Per-robot data-channel message handling.

channel.on("message", ...) fires for every message a robot sends: pose
samples (~5/s), occupancy-map deltas (every few seconds) and alerts.
"""
import json
import logging
import os

import aiohttp
import redis.asyncio as aioredis

from storage import insert_sample

log = logging.getLogger("rtc-gateway.channel")

PAGER_URL = os.environ.get("PAGER_URL", "https://pager.internal/api/v1/events")
MAP_REDIS_URL = os.environ.get("MAP_REDIS_URL", "redis://fleet-redis:6379/0")


class TelemetryChannel:
    def __init__(self, robot_id, channel, pool):
        self.robot_id = robot_id
        self.channel = channel
        self.pool = pool
        self.samples = 0

    async def on_message(self, message):
        if isinstance(message, bytes):
            message = message.decode()
        try:
            msg = json.loads(message)
        except ValueError:
            log.warning("robot %s sent non-JSON frame", self.robot_id)
            return

        kind = msg.get("kind")
        if kind == "pose":
            await insert_sample(self.pool, self.robot_id, msg)
            self.samples += 1
        elif kind == "map_delta":
            await self._publish_map_delta(msg)
        elif kind == "alert":
            await self._page_operator(msg)
        self.channel.send(json.dumps({"ack": msg.get("seq")}))

    async def _publish_map_delta(self, msg):
        r = aioredis.from_url(MAP_REDIS_URL)
        await r.xadd(
            f"fleet:map:{msg['zone']}",
            {"robot": self.robot_id, "cells": json.dumps(msg["cells"])},
            maxlen=5000,
            approximate=True,
        )

    async def _page_operator(self, msg):
        async with aiohttp.ClientSession() as http:
            async with http.post(
                PAGER_URL,
                json={
                    "source": f"robot/{self.robot_id}",
                    "severity": msg.get("severity", "warning"),
                    "summary": msg.get("text", "robot alert"),
                },
                timeout=aiohttp.ClientTimeout(total=5),
            ) as resp:
                if resp.status >= 300:
                    log.error("pager rejected alert from %s: %s", self.robot_id, resp.status)
