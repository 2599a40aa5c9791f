import json
import logging
import os

import aiohttp
import asyncpg
from amqtt.broker import BrokerContext
from amqtt.plugins.base import BasePlugin
from amqtt.session import ApplicationMessage, Session

log = logging.getLogger(__name__)

# PgBouncer in front of the telemetry cluster (transaction pooling)
ARCHIVE_DSN = os.environ.get(
    "ARCHIVE_DSN", "postgresql://archive@pgbouncer.plant.internal:6543/telemetry"
)
ALERT_URL = os.environ.get("ALERT_URL", "https://alerts.plant.internal/api/v1/events")


class TelemetryArchivePlugin(BasePlugin[BrokerContext]):
    """Stores every telemetry/# publish and tracks device presence."""

    def __init__(self, context: BrokerContext) -> None:
        super().__init__(context)
        self.pool: asyncpg.Pool | None = None

    async def on_broker_post_start(self) -> None:
        self.pool = await asyncpg.create_pool(ARCHIVE_DSN, min_size=2, max_size=10)
        log.info("telemetry archive pool ready")

    async def on_broker_pre_shutdown(self) -> None:
        if self.pool is not None:
            await self.pool.close()

    async def on_broker_client_connected(
        self, *, client_id: str, client_session: Session | None = None
    ) -> None:
        conn = await self.pool.acquire()
        device = await conn.fetchrow(
            "SELECT id, site FROM devices WHERE mqtt_client_id = $1", client_id
        )
        if device is None:
            log.warning("unregistered client %s connected", client_id)
            return
        await conn.execute(
            "UPDATE devices SET online = true, last_seen = now() WHERE id = $1", device["id"]
        )
        await self.pool.release(conn)

    async def on_broker_client_disconnected(
        self, *, client_id: str, client_session: Session | None = None
    ) -> None:
        async with self.pool.acquire() as conn:
            await conn.execute(
                "UPDATE devices SET online = false WHERE mqtt_client_id = $1", client_id
            )

    async def on_broker_message_received(
        self, *, client_id: str, message: ApplicationMessage
    ) -> None:
        if not message.topic.startswith("telemetry/"):
            return
        try:
            payload = json.loads(message.data)
        except ValueError:
            log.warning("non-JSON telemetry from %s on %s", client_id, message.topic)
            return

        async with self.pool.acquire() as conn:
            await conn.execute(
                "INSERT INTO readings (client_id, topic, ts, value, unit) "
                "VALUES ($1, $2, to_timestamp($3), $4, $5)",
                client_id,
                message.topic,
                payload["ts"],
                payload["value"],
                payload.get("unit"),
            )

        if payload.get("alarm"):
            async with aiohttp.ClientSession() as http:
                await http.post(
                    ALERT_URL,
                    json={"source": client_id, "topic": message.topic, "value": payload["value"]},
                    timeout=aiohttp.ClientTimeout(total=5),
                )
