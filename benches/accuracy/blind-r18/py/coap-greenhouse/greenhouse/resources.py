import json

import aiocoap
import aiocoap.resource as resource
import aiohttp

from . import settings
from .cache import get_redis


class ReadingsResource(resource.Resource):
    """POST /readings - one request per sensor sample (every node, every 10 s)."""

    def __init__(self, pool):
        super().__init__()
        self.pool = pool

    async def render_post(self, request):
        sample = json.loads(request.payload)
        conn = await self.pool.acquire()
        await conn.execute(
            "INSERT INTO readings (node_id, temp_c, humidity, soil_moisture, taken_at) "
            "VALUES ($1, $2, $3, $4, to_timestamp($5))",
            sample["node"], sample["t"], sample["h"], sample["m"], sample["ts"],
        )
        return aiocoap.Message(code=aiocoap.CREATED)


class ThresholdResource(resource.Resource):
    """GET /thresholds/<zone> - read by every node on wake-up (set by the ops console)."""

    def __init__(self, zone):
        super().__init__()
        self.zone = zone

    async def render_get(self, request):
        r = get_redis()
        data = await r.hgetall(f"thresholds:{self.zone}")
        return aiocoap.Message(payload=json.dumps(data).encode(), content_format=50)


class FirmwareResource(resource.Resource):
    """GET /firmware?hw=rev3 - nodes poll this after every reading cycle."""

    async def render_get(self, request):
        hw = dict(q.split("=", 1) for q in request.opt.uri_query).get("hw", "rev3")
        http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5))
        async with http.get(settings.FIRMWARE_INDEX) as resp:
            index = await resp.json()
        latest = index.get(hw, {})
        return aiocoap.Message(
            payload=json.dumps({"version": latest.get("version"), "url": latest.get("url")}).encode(),
            content_format=50,
        )
