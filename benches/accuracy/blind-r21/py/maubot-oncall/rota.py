"""Queries against the ops database's on-call rota. Callers pass in the shared pool."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

import asyncpg


@dataclass
class Shift:
    team: str
    person: str
    matrix_id: str | None
    starts_at: datetime
    ends_at: datetime


_CURRENT = """
SELECT s.team, p.display_name, p.matrix_id, s.starts_at, s.ends_at
FROM shifts s JOIN people p ON p.id = s.person_id
WHERE s.team = $1 AND s.starts_at <= $2 AND s.ends_at > $2
ORDER BY s.layer
LIMIT 1
"""

_UPCOMING = """
SELECT s.team, p.display_name, p.matrix_id, s.starts_at, s.ends_at
FROM shifts s JOIN people p ON p.id = s.person_id
WHERE s.team = $1 AND s.starts_at > $2
ORDER BY s.starts_at
LIMIT $3
"""


async def current_shift(pool: asyncpg.Pool, team: str) -> Shift | None:
    async with pool.acquire() as conn:
        row = await conn.fetchrow(_CURRENT, team, datetime.now(timezone.utc))
    return Shift(*row) if row else None


async def upcoming_shifts(pool: asyncpg.Pool, team: str, limit: int = 3) -> list[Shift]:
    async with pool.acquire() as conn:
        rows = await conn.fetch(_UPCOMING, team, datetime.now(timezone.utc), limit)
    return [Shift(*r) for r in rows]


async def known_teams(pool: asyncpg.Pool) -> list[str]:
    async with pool.acquire() as conn:
        return [r["team"] for r in await conn.fetch("SELECT DISTINCT team FROM shifts ORDER BY team")]
