import asyncpg
import slixmpp

from tenants import TenantApis


class SupportBot(slixmpp.ClientXMPP):
    def __init__(self, jid: str, password: str, pool: asyncpg.Pool, apis: TenantApis):
        super().__init__(jid, password)
        self.pool = pool
        self.apis = apis
        self.add_event_handler("session_start", self.on_start)
        self.add_event_handler("message", self.on_message)

    async def on_start(self, event):
        self.send_presence()
        await self.get_roster()

    async def on_message(self, msg):
        if msg["type"] not in ("chat", "normal"):
            return
        sender = msg["from"].bare
        domain = msg["from"].domain
        body = msg["body"].strip()

        async with self.pool.acquire() as conn:
            ticket_id = await conn.fetchval(
                "select id from tickets where requester = $1 and status = 'open' order by id desc limit 1",
                sender,
            )
            if ticket_id is None:
                ticket_id = await conn.fetchval(
                    "insert into tickets (requester, domain, status) values ($1, $2, 'open') returning id",
                    sender,
                    domain,
                )
            await conn.execute(
                "insert into ticket_messages (ticket_id, author, body) values ($1, $2, $3)",
                ticket_id,
                sender,
                body,
            )

        resp = await self.apis.for_domain(domain).post(
            "/tickets/sync", json={"external_id": ticket_id, "requester": sender, "message": body}
        )
        status = "synced" if resp.is_success else "queued"
        msg.reply(f"Thanks! Ticket #{ticket_id} ({status}).").send()
