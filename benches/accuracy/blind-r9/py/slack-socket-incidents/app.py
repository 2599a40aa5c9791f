import logging
import os
from threading import Event

from slack_sdk.socket_mode import SocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse
from slack_sdk.web import WebClient

import handlers

logging.basicConfig(level=logging.INFO)

web = WebClient(token=os.environ["SLACK_BOT_TOKEN"])
socket_client = SocketModeClient(app_token=os.environ["SLACK_APP_TOKEN"], web_client=web)


def process(client: SocketModeClient, req: SocketModeRequest) -> None:
    client.send_socket_mode_response(SocketModeResponse(envelope_id=req.envelope_id))

    if req.type == "slash_commands":
        cmd = req.payload["command"]
        arg = req.payload.get("text", "").strip()
        channel = req.payload["channel_id"]
        if cmd == "/errors":
            handlers.recent_errors(client.web_client, channel, arg)
        elif cmd == "/oncall":
            handlers.who_is_oncall(client.web_client, channel, arg)

    elif req.type == "interactive":
        action = req.payload["actions"][0]
        if action["action_id"] == "ack_incident":
            handlers.ack_incident(
                client.web_client,
                req.payload["channel"]["id"],
                req.payload["user"]["id"],
                action["value"],
            )


socket_client.socket_mode_request_listeners.append(process)

if __name__ == "__main__":
    socket_client.connect()
    Event().wait()
