import logging
import os

import asyncpg
from telethon import TelegramClient, events

import market
import news

API_ID = int(os.environ["TG_API_ID"])
API_HASH = os.environ["TG_API_HASH"]
BOT_TOKEN = os.environ["TG_BOT_TOKEN"]

bot = TelegramClient("quotes-bot", API_ID, API_HASH)
pool: asyncpg.Pool | None = None


@bot.on(events.NewMessage(pattern=r"^/quote (\w+)$"))
async def quote(event: events.NewMessage.Event) -> None:
    symbol = event.pattern_match.group(1).upper()
    price = await market.fetch_price(symbol)
    if price is None:
        await event.reply(f"Unknown symbol {symbol}")
        return
    async with pool.acquire() as conn:
        await conn.execute(
            "INSERT INTO lookups (chat_id, symbol, price) VALUES ($1, $2, $3)", event.chat_id, symbol, price
        )
    await event.reply(f"{symbol}: {price:.2f}")


@bot.on(events.NewMessage(pattern=r"^/watch (\w+)$"))
async def watch(event: events.NewMessage.Event) -> None:
    symbol = event.pattern_match.group(1).upper()
    async with pool.acquire() as conn:
        async with conn.transaction():
            await conn.execute(
                "INSERT INTO watchlist (chat_id, symbol) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                event.chat_id,
                symbol,
            )
            count = await conn.fetchval("SELECT count(*) FROM watchlist WHERE chat_id = $1", event.chat_id)
    await event.reply(f"Watching {symbol} ({count} symbols)")


@bot.on(events.NewMessage(pattern=r"^/news (eu|us|apac) (\w+)$"))
async def headlines(event: events.NewMessage.Event) -> None:
    region, symbol = event.pattern_match.group(1), event.pattern_match.group(2).upper()
    es = news.for_region(region)
    result = await es.search(index="headlines", query={"match": {"symbols": symbol}}, size=3, sort=[{"published_at": "desc"}])
    lines = [hit["_source"]["title"] for hit in result["hits"]["hits"]]
    await event.reply("\n".join(lines) or "No recent news")


async def main() -> None:
    global pool
    logging.basicConfig(level=logging.INFO)
    pool = await asyncpg.create_pool(os.environ["DATABASE_URL"], min_size=1, max_size=5)
    await bot.start(bot_token=BOT_TOKEN)
    try:
        await bot.run_until_disconnected()
    finally:
        await pool.close()
        await market.close()
        await news.close_all()


if __name__ == "__main__":
    bot.loop.run_until_complete(main())
