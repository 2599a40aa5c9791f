"""Helpdesk bot: answers ticket questions in Teams chats."""

import uuid
from datetime import datetime, timezone
from typing import List

from azure.cosmos.aio import CosmosClient
from botbuilder.core import ActivityHandler, MessageFactory, TurnContext
from botbuilder.schema import ChannelAccount

import tickets

HELP = "Try `status HD-1234` for one ticket or `mine` for your open tickets."


class HelpdeskBot(ActivityHandler):
    def __init__(self, config):
        self.config = config
        self.pool = None  # asyncpg pool, set by the aiohttp cleanup context

    async def on_members_added_activity(
        self, members_added: List[ChannelAccount], turn_context: TurnContext
    ):
        for member in members_added:
            if member.id != turn_context.activity.recipient.id:
                await turn_context.send_activity(f"Hi {member.name}! {HELP}")

    async def on_message_activity(self, turn_context: TurnContext):
        text = (turn_context.activity.text or "").strip()
        sender = turn_context.activity.from_property
        await self._log_transcript(turn_context, text)

        if text.lower() == "mine":
            await self._my_tickets(turn_context, sender.aad_object_id or sender.id)
            return

        if text.lower().startswith("status "):
            key = text.split(maxsplit=1)[1].upper()
            try:
                ticket = await tickets.lookup(self.config.TICKETS_API, self.config.TICKETS_TOKEN, key)
            except tickets.TicketNotFound:
                await turn_context.send_activity(f"I couldn't find {key}.")
                return
            await turn_context.send_activity(MessageFactory.text(tickets.format_ticket(ticket)))
            return

        await turn_context.send_activity(HELP)

    async def _my_tickets(self, turn_context: TurnContext, requester: str):
        conn = await self.pool.acquire()
        rows = await conn.fetch(
            """
            SELECT key, title, state
              FROM tickets
             WHERE requester = $1 AND state <> 'closed'
             ORDER BY updated_at DESC
             LIMIT 10
            """,
            requester,
        )
        if not rows:
            await turn_context.send_activity("You have no open tickets.")
            return
        await self.pool.release(conn)

        lines = [f"- **{r['key']}** {r['title']} ({r['state']})" for r in rows]
        await turn_context.send_activity(MessageFactory.text("\n".join(lines)))

    async def _log_transcript(self, turn_context: TurnContext, text: str):
        activity = turn_context.activity
        cosmos = CosmosClient(self.config.COSMOS_URL, credential=self.config.COSMOS_KEY)
        try:
            container = cosmos.get_database_client(self.config.COSMOS_DATABASE).get_container_client(
                self.config.COSMOS_CONTAINER
            )
            await container.upsert_item(
                {
                    "id": str(uuid.uuid4()),
                    "conversationId": activity.conversation.id,
                    "from": activity.from_property.id,
                    "text": text,
                    "at": datetime.now(timezone.utc).isoformat(),
                }
            )
        finally:
            await cosmos.close()
