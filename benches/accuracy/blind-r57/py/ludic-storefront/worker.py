"""Order worker process: confirms new orders by e-mail.

Polls the orders table (FOR UPDATE SKIP LOCKED, so several worker
replicas can run side by side) and calls the mail API.
"""
import asyncio
import logging
import os
import signal

import httpx
from sqlalchemy import text

import db

log = logging.getLogger("worker")

MAIL_API = os.environ.get("MAIL_API", "https://mail.internal.example.com/v1/")
POLL_SECONDS = 2.0

CLAIM_SQL = text("""
    SELECT o.id, o.email, o.qty, p.name
    FROM orders o JOIN products p ON p.sku = o.sku
    WHERE o.status = 'new'
    ORDER BY o.id
    LIMIT 20
    FOR UPDATE OF o SKIP LOCKED
""")


async def confirm(mail: httpx.AsyncClient, row) -> None:
    resp = await mail.post("messages", json={
        "to": row.email,
        "template": "order-confirmation",
        "vars": {"order_id": row.id, "product": row.name, "qty": row.qty},
    })
    resp.raise_for_status()


async def run(stop: asyncio.Event) -> None:
    engine = db.make_engine(pool_size=2)
    sessions = db.make_sessionmaker(engine)
    mail = httpx.AsyncClient(
        base_url=MAIL_API,
        headers={"Authorization": "Bearer " + os.environ.get("MAIL_API_TOKEN", "")},
        timeout=10.0,
    )
    try:
        while not stop.is_set():
            async with sessions.begin() as session:
                rows = (await session.execute(CLAIM_SQL)).all()
                for row in rows:
                    try:
                        await confirm(mail, row)
                        status = "confirmed"
                    except httpx.HTTPError:
                        log.exception("mail for order %s failed", row.id)
                        status = "mail_failed"
                    await session.execute(
                        text("UPDATE orders SET status = :s WHERE id = :id"),
                        {"s": status, "id": row.id})
            if not rows:
                try:
                    await asyncio.wait_for(stop.wait(), timeout=POLL_SECONDS)
                except asyncio.TimeoutError:
                    pass
    finally:
        await mail.aclose()
        await engine.dispose()


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await run(stop)


if __name__ == "__main__":
    asyncio.run(main())
