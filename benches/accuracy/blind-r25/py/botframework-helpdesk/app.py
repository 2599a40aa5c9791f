#!/usr/bin/env python3
"""Teams helpdesk bot: aiohttp host for the Bot Framework adapter."""

import sys
import traceback
from datetime import datetime, timezone

import asyncpg
from aiohttp import web
from aiohttp.web import Request, Response
from botbuilder.core import TurnContext
from botbuilder.core.integration import aiohttp_error_middleware
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity, ActivityTypes

from bot import HelpdeskBot
from config import DefaultConfig

CONFIG = DefaultConfig()

ADAPTER = CloudAdapter(ConfigurationBotFrameworkAuthentication(CONFIG))


async def on_error(context: TurnContext, error: Exception):
    print(f"\n [on_turn_error] unhandled error: {error}", file=sys.stderr)
    traceback.print_exc()

    await context.send_activity("Sorry, something went wrong on our side. Please try again.")
    if context.activity.channel_id == "emulator":
        trace_activity = Activity(
            label="TurnError",
            name="on_turn_error Trace",
            timestamp=datetime.now(timezone.utc),
            type=ActivityTypes.trace,
            value=f"{error}",
            value_type="https://www.botframework.com/schemas/error",
        )
        await context.send_activity(trace_activity)


ADAPTER.on_turn_error = on_error

BOT = HelpdeskBot(CONFIG)


async def messages(req: Request) -> Response:
    return await ADAPTER.process(req, BOT)


async def health(req: Request) -> Response:
    async with BOT.pool.acquire() as conn:
        await conn.fetchval("SELECT 1")
    return web.json_response({"ok": True})


async def database_ctx(app: web.Application):
    BOT.pool = await asyncpg.create_pool(
        CONFIG.DATABASE_URL,
        min_size=1,
        max_size=10,
        command_timeout=10,
    )
    yield
    await BOT.pool.close()


APP = web.Application(middlewares=[aiohttp_error_middleware])
APP.router.add_post("/api/messages", messages)
APP.router.add_get("/healthz", health)
APP.cleanup_ctx.append(database_ctx)

if __name__ == "__main__":
    try:
        web.run_app(APP, host="0.0.0.0", port=CONFIG.PORT)
    except Exception as error:
        raise error
