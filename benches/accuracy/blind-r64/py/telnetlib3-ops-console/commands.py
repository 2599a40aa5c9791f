"""Commands available on the warehouse floor console.

Each handler receives the shared asyncpg pool and redis client that
console.main() built at start-up; a connection is borrowed from the pool
only for the duration of one command.
"""
import asyncpg
import redis.asyncio as aioredis


async def cmd_bin(pool: asyncpg.Pool, cache: aioredis.Redis, args: list[str]) -> str:
    if not args:
        return "usage: bin <location>"
    cached = await cache.get(f"bin:{args[0]}")
    if cached:
        return cached.decode()
    async with pool.acquire() as conn:
        rows = await conn.fetch(
            "SELECT sku, qty FROM bin_stock WHERE location = $1 ORDER BY sku", args[0].upper()
        )
    text = "\r\n".join(f"{r['sku']:<14}{r['qty']:>6}" for r in rows) or "(empty)"
    await cache.set(f"bin:{args[0]}", text, ex=30)
    return text


async def cmd_pick(pool: asyncpg.Pool, cache: aioredis.Redis, args: list[str]) -> str:
    if len(args) != 3:
        return "usage: pick <location> <sku> <qty>"
    location, sku, qty = args[0].upper(), args[1].upper(), int(args[2])
    async with pool.acquire() as conn:
        async with conn.transaction():
            left = await conn.fetchval(
                "UPDATE bin_stock SET qty = qty - $3 WHERE location = $1 AND sku = $2 AND qty >= $3 "
                "RETURNING qty",
                location, sku, qty,
            )
            if left is None:
                return f"cannot pick {qty} x {sku} from {location}"
            await conn.execute(
                "INSERT INTO stock_moves (location, sku, delta, source) VALUES ($1, $2, $3, 'console')",
                location, sku, -qty,
            )
    await cache.delete(f"bin:{location}")
    return f"ok, {left} left in {location}"


async def cmd_open_orders(pool: asyncpg.Pool, cache: aioredis.Redis, args: list[str]) -> str:
    async with pool.acquire() as conn:
        rows = await conn.fetch(
            "SELECT id, customer, lines FROM orders WHERE status = 'OPEN' ORDER BY created_at LIMIT 20"
        )
    return "\r\n".join(f"#{r['id']} {r['customer'][:24]:<24} {r['lines']} lines" for r in rows)


COMMANDS = {
    "bin": cmd_bin,
    "pick": cmd_pick,
    "orders": cmd_open_orders,
}
