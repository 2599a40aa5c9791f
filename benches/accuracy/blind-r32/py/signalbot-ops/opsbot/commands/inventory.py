import os

import asyncpg
from signalbot import Command, Context

from ..db import log_command

INVENTORY_DSN = os.environ.get("INVENTORY_DSN", "postgresql://ops:ops@inventory-db:5432/inventory")


class StockCommand(Command):
    """`!stock <sku>` -> current stock per warehouse."""

    def describe(self) -> str:
        return "!stock <sku>: stock levels"

    async def handle(self, c: Context):
        text = (c.message.text or "").strip()
        if not text.startswith("!stock "):
            return
        sku = text.split(maxsplit=1)[1]
        await log_command(c.message.source, text)
        conn = await asyncpg.connect(INVENTORY_DSN, timeout=5)
        try:
            rows = await conn.fetch(
                "SELECT warehouse, qty FROM stock WHERE sku = $1 ORDER BY warehouse", sku
            )
        finally:
            await conn.close()
        if not rows:
            await c.reply(f"No stock records for {sku}")
            return
        lines = [f"{r['warehouse']}: {r['qty']}" for r in rows]
        await c.send(f"Stock for {sku}:\n" + "\n".join(lines))
