"""Connections shared by all matchers of the guild_helper plugin.

Opened once when the NoneBot driver starts and closed when it stops;
matchers and scheduled jobs only borrow them through pool() / http().
"""
from typing import Optional

import asyncpg
import httpx
from nonebot import get_driver, get_plugin_config, logger
from pydantic import BaseModel


class Config(BaseModel):
    guild_db_dsn: str
    guild_db_pool_max: int = 5
    weather_api_base: str = "https://weather.internal.example.com"


plugin_config = get_plugin_config(Config)
driver = get_driver()

_pool: Optional[asyncpg.Pool] = None
_http: Optional[httpx.AsyncClient] = None


@driver.on_startup
async def open_clients() -> None:
    global _pool, _http
    _pool = await asyncpg.create_pool(
        dsn=plugin_config.guild_db_dsn,
        min_size=1,
        max_size=plugin_config.guild_db_pool_max,
        command_timeout=10,
    )
    _http = httpx.AsyncClient(
        base_url=plugin_config.weather_api_base,
        timeout=httpx.Timeout(8.0),
        headers={"User-Agent": "guild-helper-bot/0.3"},
    )
    logger.info("guild_helper: database pool and HTTP client ready")


@driver.on_shutdown
async def close_clients() -> None:
    if _http is not None:
        await _http.aclose()
    if _pool is not None:
        await _pool.close()


def pool() -> asyncpg.Pool:
    if _pool is None:
        raise RuntimeError("guild_helper: database pool not started")
    return _pool


def http() -> httpx.AsyncClient:
    if _http is None:
        raise RuntimeError("guild_helper: HTTP client not started")
    return _http
