from collections.abc import Generator
from typing import Any

from dify_plugin import Tool
from dify_plugin.entities.tool import ToolInvokeMessage

from tools.client import client_for


class LookupTicketTool(Tool):
    def _invoke(self, tool_parameters: dict[str, Any]) -> Generator[ToolInvokeMessage, None, None]:
        creds = self.runtime.credentials
        http = client_for(creds["base_url"], creds["api_key"])
        ticket_id = int(tool_parameters["ticket_id"])

        resp = http.get(f"/api/v1/tickets/{ticket_id}", params={"include": "replies"})
        if resp.status_code == 404:
            yield self.create_text_message(f"Ticket {ticket_id} does not exist.")
            return
        resp.raise_for_status()
        ticket = resp.json()

        replies = ticket.get("replies", [])[-3:]
        yield self.create_json_message(
            {
                "id": ticket["id"],
                "subject": ticket["subject"],
                "status": ticket["status"],
                "assignee": (ticket.get("assignee") or {}).get("name"),
                "last_replies": [{"from": r["author"], "body": r["body"][:500]} for r in replies],
            }
        )
