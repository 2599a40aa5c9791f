import asyncpg
import redis.asyncio as aioredis


async def run_command(pool: asyncpg.Pool, cache: aioredis.Redis, operator: str, line: str) -> str:
    cmd, *args = line.split()
    if cmd == "tenants":
        async with pool.acquire() as conn:
            rows = await conn.fetch("SELECT slug, plan, suspended FROM tenants ORDER BY slug")
        return "\n".join(f"{r['slug']:<24} {r['plan']:<10} {'SUSPENDED' if r['suspended'] else ''}" for r in rows)

    if cmd == "suspend" and len(args) == 1:
        async with pool.acquire() as conn:
            async with conn.transaction():
                done = await conn.execute("UPDATE tenants SET suspended = true WHERE slug = $1", args[0])
                await conn.execute(
                    "INSERT INTO audit_log (operator, action, target) VALUES ($1, 'suspend', $2)",
                    operator,
                    args[0],
                )
        await cache.delete(f"tenant:{args[0]}")
        return f"{done} ({args[0]})"

    if cmd == "flush" and len(args) == 1:
        removed = 0
        async for k in cache.scan_iter(match=f"tenant:{args[0]}:*", count=500):
            removed += await cache.delete(k)
        return f"flushed {removed} keys"

    return "commands: tenants | suspend <slug> | flush <slug> | exit"
