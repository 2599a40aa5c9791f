"""Persistence for received supplier invoices.  All functions take the
pool that watcher.main() created once; connections are borrowed per
message with ``async with pool.acquire()``."""
import asyncio
import json
import logging

import asyncpg

log = logging.getLogger("inbox.store")


async def open_pool(dsn: str, attempts: int = 8) -> asyncpg.Pool:
    delay = 1.0
    for attempt in range(1, attempts + 1):
        try:
            pool = await asyncpg.create_pool(dsn, min_size=1, max_size=4)
        except (OSError, asyncpg.CannotConnectNowError) as exc:
            if attempt == attempts:
                raise
            log.warning("postgres not reachable (%s); retrying in %.0fs", exc, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 30)
        else:
            return pool
    raise RuntimeError("unreachable")


async def already_seen(pool: asyncpg.Pool, message_id: str) -> bool:
    async with pool.acquire() as conn:
        return await conn.fetchval(
            "SELECT EXISTS (SELECT 1 FROM inbound_invoices WHERE message_id = $1)", message_id
        )


async def save_invoice(pool: asyncpg.Pool, message_id: str, sender: str, subject: str,
                       filename: str, ocr: dict) -> int:
    async with pool.acquire() as conn:
        async with conn.transaction():
            supplier_id = await conn.fetchval(
                "SELECT id FROM suppliers WHERE lower(invoice_email) = lower($1)", sender
            )
            return await conn.fetchval(
                """
                INSERT INTO inbound_invoices
                    (message_id, supplier_id, sender, subject, filename, total, currency, raw_ocr)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
                RETURNING id
                """,
                message_id, supplier_id, sender, subject, filename,
                ocr.get("total"), ocr.get("currency"), json.dumps(ocr),
            )
