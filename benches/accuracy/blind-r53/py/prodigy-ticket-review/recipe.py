"""Custom Prodigy recipe for triaging support tickets.

    prodigy ticket-triage tickets_2024q3 ./tickets.jsonl -F recipe.py

The Prodigy server stays up for the whole annotation campaign; update() and
before_db() run for every batch of answers an annotator submits.
"""
import os

import boto3
import prodigy
import requests
from prodigy.components.loaders import JSONL

import triage_db

LABELS = ["billing", "bug", "feature_request", "account", "spam"]
SCREENSHOT_BUCKET = os.environ.get("SCREENSHOT_BUCKET", "support-triage-shots")
HELPDESK_API = os.environ.get("HELPDESK_API", "https://helpdesk.internal/api")


@prodigy.recipe(
    "ticket-triage",
    dataset=("Dataset to save annotations to", "positional", None, str),
    source=("JSONL file with exported tickets", "positional", None, str),
)
def ticket_triage(dataset, source):
    helpdesk = requests.Session()
    helpdesk.headers["Authorization"] = "Bearer " + os.environ["HELPDESK_TOKEN"]

    def add_context(stream):
        for eg in stream:
            resp = helpdesk.get(f"{HELPDESK_API}/tickets/{eg['meta']['ticket_id']}", timeout=10)
            if resp.ok:
                ticket = resp.json()
                eg["meta"]["customer_tier"] = ticket.get("tier")
                eg["meta"]["channel"] = ticket.get("channel")
            eg["options"] = [{"id": label, "text": label} for label in LABELS]
            yield eg

    def before_db(examples):
        s3 = boto3.client("s3")
        for eg in examples:
            shot = eg.pop("screenshot_b64", None)
            if shot:
                key = f"{dataset}/{eg['_task_hash']}.png.b64"
                s3.put_object(Bucket=SCREENSHOT_BUCKET, Key=key, Body=shot.encode("ascii"))
                eg["screenshot_key"] = key
        return examples

    def update(answers):
        conn = triage_db.POOL.getconn()
        cur = conn.cursor()
        cur.execute("SELECT ticket_id FROM ticket_locks WHERE locked")
        locked = {row[0] for row in cur.fetchall()}
        rows = []
        for eg in answers:
            ticket_id = eg["meta"]["ticket_id"]
            if ticket_id in locked or eg["answer"] == "ignore":
                continue
            label = (eg.get("accept") or [None])[0]
            rows.append((ticket_id, label, eg.get("_annotator_id"), eg["answer"]))
        if not rows:
            return
        cur.close()
        triage_db.POOL.putconn(conn)
        triage_db.record_labels(rows)

    def on_exit(controller):
        print("Label counts:", triage_db.label_counts())
        helpdesk.close()

    return {
        "dataset": dataset,
        "stream": add_context(JSONL(source)),
        "view_id": "choice",
        "before_db": before_db,
        "update": update,
        "on_exit": on_exit,
        "config": {"choice_style": "single", "batch_size": 10, "labels": LABELS},
    }
