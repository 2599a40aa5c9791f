"""Separate process: every five minutes, raise purchase orders for SKUs
that fell below their reorder point.  Has its own small pool."""
import asyncio
import logging
import signal

from stockapi.db import make_pool

log = logging.getLogger("reorder")

REORDER_SQL = """
    INSERT INTO purchase_orders (sku, supplier_id, qty, status, expected_at)
    SELECT s.sku, p.supplier_id, p.reorder_qty, 'DRAFT', now() + p.lead_time
      FROM (SELECT sku, sum(qty) AS on_hand FROM bin_stock GROUP BY sku) s
      JOIN reorder_policy p ON p.sku = s.sku
     WHERE s.on_hand < p.reorder_point
       AND NOT EXISTS (SELECT 1 FROM purchase_orders o
                        WHERE o.sku = s.sku AND o.status IN ('DRAFT', 'OPEN'))
"""


async def main():
    logging.basicConfig(level=logging.INFO)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)

    async with make_pool(max_size=2) as pool:
        while not stop.is_set():
            async with pool.connection() as conn:
                cur = await conn.execute(REORDER_SQL)
                log.info("drafted %d purchase orders", cur.rowcount)
            try:
                await asyncio.wait_for(stop.wait(), timeout=300)
            except asyncio.TimeoutError:
                pass


if __name__ == "__main__":
    asyncio.run(main())
