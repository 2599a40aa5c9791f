from collections.abc import Generator
from typing import Any

from dify_plugin import Tool
from dify_plugin.entities.tool import ToolInvokeMessage

from tools.client import client_for


class AddCommentTool(Tool):
    def _invoke(self, tool_parameters: dict[str, Any]) -> Generator[ToolInvokeMessage, None, None]:
        creds = self.runtime.credentials
        http = client_for(creds["base_url"], creds["api_key"])
        ticket_id = int(tool_parameters["ticket_id"])

        resp = http.post(
            f"/api/v1/tickets/{ticket_id}/comments",
            json={"body": tool_parameters["body"], "internal": True, "source": "dify"},
        )
        resp.raise_for_status()
        yield self.create_text_message(f"Added internal note #{resp.json()['id']} to ticket {ticket_id}.")
