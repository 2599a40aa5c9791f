"""XMPP on-call bot: `who <team>`, `ack <incident>`, `page <team> <text>`."""
import asyncio
import logging
import os
import signal

import aiohttp
import aioxmpp
import aioxmpp.dispatcher

from oncall.store import create_pool, current_oncall

log = logging.getLogger("oncall")

INCIDENT_API = os.environ.get("INCIDENT_API", "https://incidents.internal.example/api")


class OnCallBot:
    def __init__(self, client: aioxmpp.PresenceManagedClient, pool, http: aiohttp.ClientSession):
        self.client = client
        self.pool = pool
        self.http = http
        self.tasks = set()

    def on_message(self, msg: aioxmpp.Message) -> None:
        """Dispatcher callback, once per incoming chat message."""
        if not msg.body:
            return
        task = asyncio.ensure_future(self.handle(msg))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def handle(self, msg: aioxmpp.Message) -> None:
        words = msg.body.any().strip().split(maxsplit=2)
        command, args = (words[0].lower(), words[1:]) if words else ("", [])
        if command == "who" and args:
            row = await current_oncall(self.pool, args[0])
            text = f"{row['person_jid']} until {row['until']:%H:%M}" if row else f"nobody on call for {args[0]}"
        elif command == "ack" and args:
            async with self.http.post(f"{INCIDENT_API}/incidents/{args[0]}/ack", json={"by": str(msg.from_.bare())}) as resp:
                text = "acknowledged" if resp.status == 200 else f"ack failed ({resp.status})"
        elif command == "page" and len(args) == 2:
            async with self.pool.acquire() as conn:
                await conn.execute(
                    "INSERT INTO pages (team, text, requested_by) VALUES ($1, $2, $3)", args[0], args[1], str(msg.from_)
                )
            text = f"paged {args[0]}"
        else:
            text = "usage: who <team> | ack <incident> | page <team> <text>"

        reply = msg.make_reply()
        reply.body[None] = text
        await self.client.send(reply)


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    jid = aioxmpp.JID.fromstr(os.environ["ONCALL_JID"])
    client = aioxmpp.PresenceManagedClient(jid, aioxmpp.make_security_layer(os.environ["ONCALL_PASSWORD"]))

    pool = await create_pool(os.environ["ONCALL_DSN"])
    http = aiohttp.ClientSession(headers={"Authorization": f"Bearer {os.environ['INCIDENT_TOKEN']}"})
    bot = OnCallBot(client, pool, http)

    dispatcher = client.summon(aioxmpp.dispatcher.SimpleMessageDispatcher)
    dispatcher.register_callback(aioxmpp.MessageType.CHAT, None, bot.on_message)

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    try:
        async with client.connected():
            await stop.wait()
    finally:
        await http.close()
        await pool.close()


if __name__ == "__main__":
    asyncio.run(main())
