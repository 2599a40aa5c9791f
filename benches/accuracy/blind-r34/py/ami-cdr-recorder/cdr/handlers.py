"""AMI event handlers. Each is invoked by panoramisk for every matching event."""
import logging

log = logging.getLogger(__name__)


class CallEvents:
    def __init__(self, pool, http):
        self.pool = pool
        self.http = http

    async def on_new_channel(self, manager, event):
        async with self.pool.acquire() as conn:
            await conn.execute(
                "INSERT INTO live_calls (uniqueid, caller, exten, started_at) "
                "VALUES ($1, $2, $3, now()) ON CONFLICT DO NOTHING",
                event.Uniqueid,
                event.CallerIDNum,
                event.Exten,
            )

    async def on_hangup(self, manager, event):
        async with self.pool.acquire() as conn:
            async with conn.transaction():
                row = await conn.fetchrow(
                    "DELETE FROM live_calls WHERE uniqueid = $1 RETURNING caller, exten, started_at",
                    event.Uniqueid,
                )
                if row is None:
                    return
                await conn.execute(
                    "INSERT INTO cdr (uniqueid, caller, exten, started_at, ended_at, cause) "
                    "VALUES ($1, $2, $3, $4, now(), $5)",
                    event.Uniqueid,
                    row["caller"],
                    row["exten"],
                    row["started_at"],
                    event.get("Cause-txt", ""),
                )
        if row["exten"].startswith("7"):
            async with self.http.post(
                "/api/calls", json={"caller": row["caller"], "queue": row["exten"]}
            ) as resp:
                if resp.status >= 400:
                    log.warning("CRM rejected call %s: %s", event.Uniqueid, resp.status)
