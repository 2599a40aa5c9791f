"""Kafka -> Postgres ingest worker (runs as its own process, see Procfile)."""
import asyncio
import json
import logging
import os
from datetime import datetime

from aiokafka import AIOKafkaConsumer
from aiokafka.errors import KafkaConnectionError
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from models import Reading

log = logging.getLogger("ingest")

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP", "localhost:9092")

engine = create_async_engine(os.environ["DATABASE_URL"], pool_size=5, max_overflow=5)
SessionLocal = async_sessionmaker(engine, expire_on_commit=False)


async def start_consumer(max_attempts: int = 10) -> AIOKafkaConsumer:
    for attempt in range(1, max_attempts + 1):
        consumer = AIOKafkaConsumer(
            "device-readings",
            bootstrap_servers=BOOTSTRAP,
            group_id="readings-ingest",
            enable_auto_commit=False,
            auto_offset_reset="earliest",
        )
        try:
            await consumer.start()
            return consumer
        except KafkaConnectionError:
            await consumer.stop()
            delay = min(2**attempt, 30)
            log.warning("kafka not reachable (attempt %d), retrying in %ds", attempt, delay)
            await asyncio.sleep(delay)
    raise RuntimeError("could not connect to Kafka")


async def main():
    consumer = await start_consumer()
    try:
        async for msg in consumer:
            payload = json.loads(msg.value)
            async with SessionLocal() as session, session.begin():
                session.add(
                    Reading(
                        device_id=payload["device_id"],
                        metric=payload["metric"],
                        value=float(payload["value"]),
                        recorded_at=datetime.fromisoformat(payload["ts"]),
                    )
                )
            await consumer.commit()
    finally:
        await consumer.stop()
        await engine.dispose()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())
