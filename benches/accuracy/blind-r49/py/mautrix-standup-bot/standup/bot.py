"""Matrix stand-up bot: `!standup <text>` records an update, `!standup report` summarises today."""
import asyncio
import logging
import os

import httpx
from mautrix.client import Client
from mautrix.types import EventType, MessageEvent, MessageType, UserID

from standup.tenants import TenantPools, load_tenants

log = logging.getLogger("standup")


class StandupBot:
    def __init__(self, client: Client, pools: TenantPools, http: httpx.AsyncClient):
        self.client = client
        self.pools = pools
        self.http = http
        client.add_event_handler(EventType.ROOM_MESSAGE, self.on_message)

    async def on_message(self, evt: MessageEvent) -> None:
        if evt.sender == self.client.mxid or evt.content.msgtype != MessageType.TEXT:
            return
        body = evt.content.body.strip()
        if not body.startswith("!standup"):
            return
        tenant = self.pools.tenant_for_room(evt.room_id)
        if tenant is None:
            log.info("ignoring message from unmapped room %s", evt.room_id)
            return

        pool = await self.pools.pool(tenant)
        text = body[len("!standup"):].strip()
        if text == "report":
            async with pool.acquire() as conn:
                rows = await conn.fetch(
                    "SELECT author, body FROM updates WHERE room_id = $1 AND posted_at::date = current_date"
                    " ORDER BY posted_at",
                    evt.room_id,
                )
            summary = "\n".join(f"{r['author']}: {r['body']}" for r in rows) or "No updates yet today."
            await self.client.send_text(evt.room_id, summary)
            await self.http.post(tenant.webhook, json={"room": evt.room_id, "summary": summary})
            return

        async with pool.acquire() as conn:
            await conn.execute(
                "INSERT INTO updates (room_id, author, body) VALUES ($1, $2, $3)", evt.room_id, evt.sender, text
            )
        await self.client.send_text(evt.room_id, "Noted, thanks!")


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    client = Client(
        mxid=UserID(os.environ["STANDUP_MXID"]),
        base_url=os.environ["MATRIX_HOMESERVER"],
        token=os.environ["STANDUP_TOKEN"],
    )
    pools = TenantPools(load_tenants(os.environ.get("TENANTS_FILE", "tenants.toml")))
    http = httpx.AsyncClient(timeout=10.0)
    StandupBot(client, pools, http)
    try:
        await client.start(None)
    finally:
        client.stop()
        await http.aclose()
        await pools.close()
        await client.api.session.close()


if __name__ == "__main__":
    asyncio.run(main())
