"""Polls the helpdesk for new tickets and lets the agent triage each one."""
import logging
import os
import time

import httpx
from agents import Agent, Runner

from .tools import loyalty_balance, order_status, recent_contacts

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("triage")

HELPDESK = os.environ.get("HELPDESK_URL", "https://helpdesk.example.com/api")
POLL_SECONDS = int(os.environ.get("POLL_SECONDS", "30"))

triage_agent = Agent(
    name="Support triage",
    instructions=(
        "You triage inbound e-commerce support tickets. Use the tools to look up "
        "order status, loyalty tier and contact history, then reply with JSON: "
        '{"priority": "low|normal|high|urgent", "queue": "...", "summary": "..."}'
    ),
    model="gpt-4o-mini",
    tools=[order_status, loyalty_balance, recent_contacts],
)


def main() -> None:
    helpdesk = httpx.Client(
        base_url=HELPDESK,
        headers={"Authorization": f"Bearer {os.environ['HELPDESK_TOKEN']}"},
        timeout=20.0,
    )
    try:
        while True:
            tickets = helpdesk.get("/tickets", params={"status": "new"}).json()
            for ticket in tickets:
                prompt = (
                    f"From: {ticket['requester_email']}\n"
                    f"Subject: {ticket['subject']}\n\n{ticket['body']}"
                )
                result = Runner.run_sync(triage_agent, prompt)
                helpdesk.patch(
                    f"/tickets/{ticket['id']}",
                    json={"triage": result.final_output, "status": "triaged"},
                )
                log.info("ticket %s triaged", ticket["id"])
            time.sleep(POLL_SECONDS)
    finally:
        helpdesk.close()


if __name__ == "__main__":
    main()
