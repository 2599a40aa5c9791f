import asyncio
import json
import logging
import os

import aio_pika
import aiohttp
import asyncpg
from aio_pika.abc import AbstractIncomingMessage, AbstractRobustConnection

log = logging.getLogger("order-worker")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://guest:guest@localhost/")
DATABASE_URL = os.environ["DATABASE_URL"]
WAREHOUSE_API = os.environ["WAREHOUSE_API_URL"]


async def connect_with_retry(url: str, attempts: int = 10) -> AbstractRobustConnection:
    """RabbitMQ may come up after us in docker-compose: retry, then give up."""
    for attempt in range(1, attempts + 1):
        try:
            connection = await aio_pika.connect_robust(url)
            break
        except (aio_pika.exceptions.AMQPConnectionError, OSError) as exc:
            delay = min(2 ** attempt, 30)
            log.warning("broker not ready (%s), attempt %d/%d, retrying in %ss", exc, attempt, attempts, delay)
            await asyncio.sleep(delay)
    else:
        raise RuntimeError(f"could not reach RabbitMQ after {attempts} attempts")
    return connection


class OrderConsumer:
    def __init__(self, pool: asyncpg.Pool, http: aiohttp.ClientSession) -> None:
        self.pool = pool
        self.http = http

    async def on_message(self, message: AbstractIncomingMessage) -> None:
        async with message.process(requeue=False):
            order = json.loads(message.body)
            async with self.pool.acquire() as conn:
                async with conn.transaction():
                    await conn.execute(
                        "INSERT INTO orders (id, customer_id, total_cents, status) VALUES ($1, $2, $3, 'received') "
                        "ON CONFLICT (id) DO NOTHING",
                        order["id"], order["customer_id"], order["total_cents"],
                    )
                    await conn.executemany(
                        "INSERT INTO order_lines (order_id, sku, qty) VALUES ($1, $2, $3)",
                        [(order["id"], line["sku"], line["qty"]) for line in order["lines"]],
                    )
            async with self.http.post(f"{WAREHOUSE_API}/reservations", json=order) as resp:
                if resp.status >= 400:
                    log.error("warehouse rejected %s: %s", order["id"], await resp.text())
                    return
            async with self.pool.acquire() as conn:
                await conn.execute("UPDATE orders SET status = 'reserved' WHERE id = $1", order["id"])


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    connection = await connect_with_retry(AMQP_URL)
    pool = await asyncpg.create_pool(DATABASE_URL, min_size=2, max_size=10)
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as http:
            consumer = OrderConsumer(pool, http)
            async with connection:
                channel = await connection.channel()
                await channel.set_qos(prefetch_count=20)
                queue = await channel.declare_queue("orders.created", durable=True)
                await queue.consume(consumer.on_message)
                log.info("consuming orders.created")
                await asyncio.Future()
    finally:
        await pool.close()


if __name__ == "__main__":
    asyncio.run(main())
