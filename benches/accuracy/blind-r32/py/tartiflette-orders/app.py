import os

import asyncpg
from aiohttp import web
from tartiflette_aiohttp import register_graphql_handlers

from orders.clients import DSN, cache

context: dict = {}


async def on_startup(app: web.Application) -> None:
    context["pool"] = await asyncpg.create_pool(DSN, min_size=10, max_size=80)


async def on_cleanup(app: web.Application) -> None:
    await context["pool"].close()
    await cache.aclose()


def build_app() -> web.Application:
    app = register_graphql_handlers(
        app=web.Application(),
        engine_sdl=os.path.join(os.path.dirname(__file__), "orders", "sdl"),
        engine_modules=["orders.resolvers"],
        executor_http_endpoint="/graphql",
        executor_http_methods=["POST"],
        executor_context=context,
        graphiql_enabled=os.environ.get("GRAPHIQL") == "1",
    )
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    web.run_app(build_app(), port=int(os.environ.get("PORT", "8080")))
