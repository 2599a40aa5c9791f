from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Dict, Optional

import asyncpg
import httpx

from ..common import RequestType

if TYPE_CHECKING:
    from ..common import WebRequest
    from ..confighelper import ConfigHelper

INSERT_JOB = """
INSERT INTO print_jobs (printer, filename, state, print_duration, filament_used, finished_at)
VALUES ($1, $2, $3, $4, $5, now())
"""


class PrintLedger:
    def __init__(self, config: ConfigHelper) -> None:
        self.server = config.get_server()
        self.dsn = config.get("database_url")
        self.webhook: Optional[str] = config.get("farm_webhook", None)
        self.printer = config.get("printer_name")
        self.pool: Optional[asyncpg.Pool] = None
        self.http: Optional[httpx.AsyncClient] = None

        self.server.register_endpoint(
            "/server/print_ledger/jobs", RequestType.GET, self._handle_jobs
        )
        self.server.register_event_handler("job_state:complete", self._on_complete)
        self.server.register_event_handler("job_state:error", self._on_error)

    async def component_init(self) -> None:
        self.pool = await asyncpg.create_pool(self.dsn, min_size=1, max_size=3, command_timeout=10)
        self.http = httpx.AsyncClient(timeout=5.0)

    async def _record(self, state: str, stats: Dict[str, Any]) -> None:
        if self.pool is None:
            logging.info("print_ledger: database not ready, dropping %s", state)
            return
        async with self.pool.acquire() as conn:
            await conn.execute(
                INSERT_JOB,
                self.printer,
                stats.get("filename", ""),
                state,
                float(stats.get("print_duration", 0.0)),
                float(stats.get("filament_used", 0.0)),
            )
        if self.webhook and self.http is not None:
            try:
                await self.http.post(
                    self.webhook,
                    json={"printer": self.printer, "state": state, "file": stats.get("filename")},
                )
            except httpx.HTTPError:
                logging.exception("print_ledger: webhook failed")

    async def _on_complete(self, prev_stats: Dict[str, Any], new_stats: Dict[str, Any]) -> None:
        await self._record("complete", new_stats)

    async def _on_error(self, prev_stats: Dict[str, Any], new_stats: Dict[str, Any]) -> None:
        await self._record("error", new_stats)

    async def _handle_jobs(self, web_request: WebRequest) -> Dict[str, Any]:
        limit = web_request.get_int("limit", 25)
        assert self.pool is not None
        async with self.pool.acquire() as conn:
            rows = await conn.fetch(
                "SELECT filename, state, print_duration, finished_at FROM print_jobs "
                "WHERE printer = $1 ORDER BY finished_at DESC LIMIT $2",
                self.printer,
                limit,
            )
        return {
            "jobs": [
                {
                    "filename": r["filename"],
                    "state": r["state"],
                    "print_duration": r["print_duration"],
                    "finished_at": r["finished_at"].isoformat(),
                }
                for r in rows
            ]
        }

    async def close(self) -> None:
        if self.http is not None:
            await self.http.aclose()
        if self.pool is not None:
            await self.pool.close()


def load_component(config: ConfigHelper) -> PrintLedger:
    return PrintLedger(config)
