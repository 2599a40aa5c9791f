"""Public holidays, so planners see when premium rates apply."""
from datetime import date

import httpx

_client: httpx.AsyncClient | None = None
_cache: dict[tuple[int, str], set[date]] = {}


def _holiday_client() -> httpx.AsyncClient:
    global _client
    if _client is None:
        _client = httpx.AsyncClient(base_url="https://date.nager.at/api/v3", timeout=5.0)
    return _client


async def holidays(year: int, country: str = "DE") -> set[date]:
    key = (year, country)
    if key not in _cache:
        resp = await _holiday_client().get(f"/PublicHolidays/{year}/{country}")
        resp.raise_for_status()
        _cache[key] = {date.fromisoformat(h["date"]) for h in resp.json()}
    return _cache[key]


async def close_holiday_client() -> None:
    if _client is not None:
        await _client.aclose()
