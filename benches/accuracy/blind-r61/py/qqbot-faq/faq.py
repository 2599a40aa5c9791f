import asyncpg
import redis.asyncio as aioredis

ANSWER_TTL = 300


async def find_answer(pool: asyncpg.Pool, cache: aioredis.Redis, guild_id: str, question: str):
    key = f"faq:{guild_id}:{question}"
    cached = await cache.get(key)
    if cached is not None:
        return cached.decode()
    async with pool.acquire() as conn:
        answer = await conn.fetchval(
            """
            SELECT answer FROM faq
             WHERE guild_id = $1 AND $2 ILIKE '%' || keyword || '%'
             ORDER BY priority DESC LIMIT 1
            """,
            guild_id, question,
        )
    if answer is not None:
        await cache.set(key, answer, ex=ANSWER_TTL)
    return answer


async def log_unanswered(pool: asyncpg.Pool, guild_id: str, author_id: str, question: str):
    async with pool.acquire() as conn:
        async with conn.transaction():
            await conn.execute(
                "INSERT INTO unanswered (guild_id, author_id, question) VALUES ($1, $2, $3)",
                guild_id, author_id, question,
            )
