"""Flama dependency-injection components for the rates API."""
from __future__ import annotations

import os
import types
from dataclasses import dataclass
from decimal import Decimal

import asyncpg
import httpx
from flama import Component

FX_API_URL = os.environ.get("FX_API_URL", "https://fx-feed.internal/api/v2")
FX_API_KEY = os.environ.get("FX_API_KEY", "")

# Populated by the startup event registered in app.py.
state = types.SimpleNamespace(pool=None)


class PoolComponent(Component):
    """Hands the process-wide asyncpg pool to handlers that ask for one."""

    def resolve(self) -> asyncpg.Pool:
        if state.pool is None:
            raise RuntimeError("database pool not initialised")
        return state.pool


@dataclass
class FxProvider:
    http: httpx.AsyncClient

    async def mid_rate(self, base: str, quote: str) -> Decimal:
        resp = await self.http.get(f"/rates/{base}{quote}")
        resp.raise_for_status()
        return Decimal(str(resp.json()["mid"]))

    async def spread_bps(self, base: str, quote: str) -> int:
        resp = await self.http.get("/spreads", params={"pair": f"{base}{quote}"})
        resp.raise_for_status()
        return int(resp.json()["bps"])


class FxProviderComponent(Component):
    """Builds the upstream FX feed client for the handler being called."""

    def resolve(self) -> FxProvider:
        client = httpx.AsyncClient(
            base_url=FX_API_URL,
            headers={"Authorization": f"Bearer {FX_API_KEY}"},
            timeout=5.0,
        )
        return FxProvider(http=client)
