import asyncio
import logging
import os

import asyncpg

from bot import SupportBot
from tenants import TenantApis

log = logging.getLogger("supportbot")


async def create_pool_with_retry(dsn: str) -> asyncpg.Pool:
    delay = 1.0
    for attempt in range(1, 9):
        try:
            return await asyncpg.create_pool(dsn, min_size=1, max_size=8)
        except (OSError, asyncpg.CannotConnectNowError) as exc:
            log.warning("postgres unavailable (attempt %d): %s", attempt, exc)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 30)
    raise SystemExit("postgres never came up")


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    pool = await create_pool_with_retry(os.environ["DATABASE_URL"])
    apis = TenantApis(os.environ["HELPDESK_TOKEN"])
    bot = SupportBot(os.environ["XMPP_JID"], os.environ["XMPP_PASSWORD"], pool, apis)
    bot.register_plugin("xep_0030")  # service discovery
    bot.register_plugin("xep_0199")  # ping / keepalive
    bot.connect()
    try:
        await bot.disconnected
    finally:
        await apis.aclose()
        await pool.close()


if __name__ == "__main__":
    asyncio.run(main())
