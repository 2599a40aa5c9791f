import asyncio
import json
import logging
import os

import aiomqtt
import asyncpg
import httpx

import search

log = logging.getLogger("telemetry")

BROKER = os.environ.get("MQTT_HOST", "mqtt.internal")
DSN = os.environ["DATABASE_URL"]
ALERT_WEBHOOK = os.environ.get("ALERT_WEBHOOK", "https://alerts.internal/hooks/telemetry")
TEMP_LIMIT = float(os.environ.get("TEMP_LIMIT", "75"))


async def connect_db(attempts: int = 10) -> asyncpg.Pool:
    for attempt in range(1, attempts + 1):
        try:
            pool = await asyncpg.create_pool(DSN, min_size=1, max_size=10)
            log.info("database pool ready")
            return pool
        except (OSError, asyncpg.CannotConnectNowError) as exc:
            log.warning("db not ready (%s), retry %d/%d", exc, attempt, attempts)
            await asyncio.sleep(attempt)
    raise RuntimeError("could not connect to database")


async def handle(message: aiomqtt.Message, pool: asyncpg.Pool, http: httpx.AsyncClient) -> None:
    _, site, _, device, _ = message.topic.value.split("/")
    reading = json.loads(message.payload)

    async with pool.acquire() as conn:
        await conn.execute(
            "INSERT INTO readings (site, device, temp_c, humidity, at) VALUES ($1, $2, $3, $4, now())",
            site,
            device,
            reading["temp_c"],
            reading.get("humidity"),
        )

    if reading["temp_c"] > TEMP_LIMIT:
        await http.post(ALERT_WEBHOOK, json={"site": site, "device": device, "temp_c": reading["temp_c"]})

    await search.for_site(site).index(index="telemetry", body={"device": device, **reading})


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    pool = await connect_db()
    try:
        async with httpx.AsyncClient(timeout=5.0) as http:
            async with aiomqtt.Client(BROKER, identifier="telemetry-ingest") as client:
                await client.subscribe("sites/+/devices/+/telemetry", qos=1)
                async for message in client.messages:
                    try:
                        await handle(message, pool, http)
                    except Exception:
                        log.exception("failed to handle %s", message.topic)
    finally:
        await search.close_all()
        await pool.close()


if __name__ == "__main__":
    asyncio.run(main())
