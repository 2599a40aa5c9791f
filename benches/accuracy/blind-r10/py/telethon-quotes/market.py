"""Quote lookups against the market data API, sharing one HTTP session."""
import os

import aiohttp

_session: aiohttp.ClientSession | None = None


def session() -> aiohttp.ClientSession:
    global _session
    if _session is None or _session.closed:
        _session = aiohttp.ClientSession(
            base_url=os.environ.get("MARKET_API_URL", "https://marketdata.example.com"),
            timeout=aiohttp.ClientTimeout(total=10),
        )
    return _session


async def fetch_price(symbol: str) -> float | None:
    async with session().get(f"/v1/quote/{symbol}") as resp:
        if resp.status == 404:
            return None
        resp.raise_for_status()
        data = await resp.json()
        return float(data["last"])


async def close() -> None:
    if _session is not None and not _session.closed:
        await _session.close()
