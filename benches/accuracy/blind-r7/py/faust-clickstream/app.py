import os
import time

import aiohttp
import faust
import redis.asyncio as aioredis

from clients import REDIS_URL, get_redis

GEOIP_URL = os.environ.get("GEOIP_URL", "http://geoip.internal/lookup")

app = faust.App(
    "clickstream",
    broker=os.environ.get("KAFKA_BROKER", "kafka://localhost:9092"),
    value_serializer="json",
)


class Click(faust.Record, serializer="json"):
    user_id: str
    url: str
    ip: str
    ts: float


class EnrichedClick(faust.Record, serializer="json"):
    user_id: str
    url: str
    country: str
    ts: float


clicks = app.topic("clicks", value_type=Click)
enriched = app.topic("clicks-enriched", value_type=EnrichedClick)


@app.agent(clicks)
async def enrich(stream):
    async for click in stream:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=2)) as http:
            async with http.get(GEOIP_URL, params={"ip": click.ip}) as resp:
                geo = await resp.json() if resp.status == 200 else {}
        await enriched.send(
            key=click.user_id,
            value=EnrichedClick(
                user_id=click.user_id,
                url=click.url,
                country=geo.get("country", "unknown"),
                ts=click.ts,
            ),
        )


@app.agent(enriched)
async def count_by_country(stream):
    async for event in stream:
        counters = aioredis.from_url(REDIS_URL)
        try:
            await counters.hincrby("clicks:by_country", event.country, 1)
            await counters.zadd("clicks:last_seen", {event.user_id: event.ts})
        finally:
            await counters.aclose()


@app.timer(interval=60.0)
async def trim_last_seen():
    r = get_redis()
    cutoff = time.time() - 24 * 3600
    removed = await r.zremrangebyscore("clicks:last_seen", 0, cutoff)
    if removed:
        app.log.info("trimmed %d stale users", removed)


if __name__ == "__main__":
    app.main()
