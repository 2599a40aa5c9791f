"""Process-wide clients, filled in by the startup event in core/events.py."""
import asyncpg
import httpx

_pool: asyncpg.Pool | None = None
_payments: httpx.AsyncClient | None = None


def install(pool: asyncpg.Pool, payments: httpx.AsyncClient) -> None:
    global _pool, _payments
    _pool, _payments = pool, payments


def db() -> asyncpg.Pool:
    if _pool is None:
        raise RuntimeError('database pool not initialised (startup event did not run)')
    return _pool


def payments() -> httpx.AsyncClient:
    if _payments is None:
        raise RuntimeError('payments client not initialised')
    return _payments


async def close() -> None:
    if _payments is not None:
        await _payments.aclose()
    if _pool is not None:
        await _pool.close()
