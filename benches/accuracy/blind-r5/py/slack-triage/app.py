import logging
import os

import requests
from apscheduler.schedulers.background import BackgroundScheduler
from pymongo import MongoClient
from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

logging.basicConfig(level=logging.INFO)

MONGO_URL = os.environ.get("MONGO_URL", "mongodb://localhost:27017")
PAGERDUTY_TOKEN = os.environ["PAGERDUTY_TOKEN"]
DIGEST_CHANNEL = os.environ.get("DIGEST_CHANNEL", "#support-oncall")

app = App(token=os.environ["SLACK_BOT_TOKEN"])

mongo = MongoClient(MONGO_URL, serverSelectionTimeoutMS=3000)
tickets = mongo.support.tickets


@app.command("/triage")
def triage(ack, command, respond):
    ack()
    ticket_id = command["text"].strip()

    def lookup(tid: str):
        client = MongoClient(MONGO_URL, serverSelectionTimeoutMS=3000)
        return client.support.tickets.find_one({"_id": tid})

    ticket = lookup(ticket_id)
    if ticket is None:
        respond(f"No ticket `{ticket_id}`")
        return
    respond(
        blocks=[
            {
                "type": "section",
                "text": {
                    "type": "mrkdwn",
                    "text": f"*{ticket['title']}*\nstatus: {ticket['status']}",
                },
            },
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "text": {"type": "plain_text", "text": "Assign to me"},
                        "action_id": "assign_to_me",
                        "value": ticket_id,
                    }
                ],
            },
        ]
    )


@app.action("assign_to_me")
def assign_to_me(ack, body, respond):
    ack()
    ticket_id = body["actions"][0]["value"]
    user_id = body["user"]["id"]
    tickets.update_one({"_id": ticket_id}, {"$set": {"assignee": user_id}})
    respond(f"<@{user_id}> took `{ticket_id}`", replace_original=False)


def post_sla_digest():
    http = requests.Session()
    http.headers.update(
        {
            "Authorization": f"Token token={PAGERDUTY_TOKEN}",
            "Accept": "application/vnd.pagerduty+json;version=2",
        }
    )
    resp = http.get(
        "https://api.pagerduty.com/incidents",
        params={"statuses[]": ["triggered", "acknowledged"], "limit": 25},
        timeout=10,
    )
    resp.raise_for_status()
    incidents = resp.json()["incidents"]
    open_tickets = tickets.count_documents({"status": "open"})
    lines = [f"- {i['title']} ({i['status']})" for i in incidents]
    app.client.chat_postMessage(
        channel=DIGEST_CHANNEL,
        text=f"{len(incidents)} open incidents, {open_tickets} open tickets\n"
        + "\n".join(lines),
    )


if __name__ == "__main__":
    scheduler = BackgroundScheduler()
    scheduler.add_job(post_sla_digest, "interval", minutes=15, id="sla-digest")
    scheduler.start()
    SocketModeHandler(app, os.environ["SLACK_APP_TOKEN"]).start()
