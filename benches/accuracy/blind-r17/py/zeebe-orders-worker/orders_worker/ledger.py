import os

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

# The ledger lives in the same Postgres database as orders.
ledger_engine = create_async_engine(os.environ["DATABASE_URL"], pool_size=5)


async def post_entry(order_id: str, amount_cents: int, currency: str) -> str | None:
    conn = await ledger_engine.connect()
    if amount_cents == 0:
        return None
    result = await conn.execute(
        text(
            "insert into ledger_entries (order_id, amount_cents, currency) "
            "values (:o, :a, :c) returning id"
        ),
        {"o": order_id, "a": amount_cents, "c": currency},
    )
    entry_id = str(result.scalar_one())
    await conn.commit()
    await conn.close()
    return entry_id
