"""Per-message handling for smart-meter readings from the RabbitMQ stream."""
import json
import logging

import asyncpg
import httpx
from rstream import AMQPMessage, MessageContext

log = logging.getLogger(__name__)

ALERT_KWH = 25.0


def make_handler(pool: asyncpg.Pool, alerts: httpx.AsyncClient):
    """Build the stream callback around clients that main() created once."""

    async def on_message(msg: AMQPMessage, message_context: MessageContext) -> None:
        reading = json.loads(bytes(msg.body))
        async with pool.acquire() as conn:
            async with conn.transaction():
                await conn.execute(
                    "INSERT INTO readings (meter_id, ts, kwh, stream_offset) "
                    "VALUES ($1, to_timestamp($2), $3, $4) ON CONFLICT DO NOTHING",
                    reading["meter_id"],
                    reading["ts"],
                    reading["kwh"],
                    message_context.offset,
                )
                await conn.execute(
                    "UPDATE meters SET last_seen = to_timestamp($2) WHERE id = $1",
                    reading["meter_id"],
                    reading["ts"],
                )
        if reading["kwh"] > ALERT_KWH:
            try:
                await alerts.post("/alerts", json={"meter": reading["meter_id"], "kwh": reading["kwh"]})
            except httpx.HTTPError:
                log.warning("alert for meter %s not delivered", reading["meter_id"])

    return on_message
