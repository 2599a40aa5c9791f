"""Consumes new ticket messages from a Redis list and runs the graph for each."""
import json
import logging
import os

import redis
from langchain_core.messages import HumanMessage

from agent.graph import graph

log = logging.getLogger("support-agent")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    while True:
        raw = r.blmove("tickets:new", "tickets:processing", timeout=0, src="LEFT", dest="RIGHT")
        event = json.loads(raw)
        config = {"configurable": {"thread_id": f"ticket-{event['ticket_id']}"}}
        try:
            graph.invoke(
                {
                    "ticket_id": event["ticket_id"],
                    "customer_email": event["email"],
                    "messages": [HumanMessage(content=event["body"])],
                },
                config,
            )
        except Exception:
            log.exception("graph failed for ticket %s", event["ticket_id"])
        finally:
            r.lrem("tickets:processing", 1, raw)


if __name__ == "__main__":
    main()
