"""Zulip bot answering `@incidents open` / `@incidents ack <id>` in #ops."""
import datetime as dt
import logging
import re

import zulip
from bson import ObjectId

from common.mongo import DB_NAME, make_client

log = logging.getLogger("ops_bot")
ACK_RE = re.compile(r"\back\s+([0-9a-f]{24})\b")


class IncidentCommands:
    def __init__(self, zulip_client: zulip.Client, incidents):
        self.zulip = zulip_client
        self.incidents = incidents

    def on_message(self, message: dict) -> None:
        if message["type"] != "stream" or message["sender_email"] == self.zulip.email:
            return
        content = message["content"]
        if "@**incidents**" not in content:
            return
        if " open" in content:
            reply = self._open_incidents()
        elif (m := ACK_RE.search(content)) is not None:
            reply = self._ack(m.group(1), message["sender_full_name"])
        else:
            reply = "Try `@incidents open` or `@incidents ack <id>`."
        self.zulip.send_message(
            {"type": "stream", "to": message["display_recipient"], "topic": message["subject"], "content": reply}
        )

    def _open_incidents(self) -> str:
        docs = list(self.incidents.find({"state": "open"}).sort("opened_at", -1).limit(10))
        if not docs:
            return "No open incidents :tada:"
        return "\n".join(f"* `{d['_id']}` **{d['service']}** {d['summary']}" for d in docs)

    def _ack(self, incident_id: str, who: str) -> str:
        res = self.incidents.update_one(
            {"_id": ObjectId(incident_id), "state": "open"},
            {"$set": {"state": "acked", "acked_by": who, "acked_at": dt.datetime.now(dt.timezone.utc)}},
        )
        return f"Acknowledged `{incident_id}`." if res.modified_count else f"`{incident_id}` is not open."


def main():
    logging.basicConfig(level=logging.INFO)
    mongo = make_client("incidents-zulip-bot")
    client = zulip.Client(config_file="~/.zuliprc")
    commands = IncidentCommands(client, mongo[DB_NAME]["incidents"])
    try:
        client.call_on_each_message(commands.on_message)
    finally:
        mongo.close()


if __name__ == "__main__":
    main()
