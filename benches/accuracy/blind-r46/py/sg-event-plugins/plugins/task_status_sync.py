"""Keep task status in the pipeline DB in step with ShotGrid and ping Slack on approvals."""
import os

import requests
from sqlalchemy import create_engine, text

engine = create_engine(os.environ["PIPELINE_DB_URL"], pool_pre_ping=True)

slack = requests.Session()
slack.headers.update({"Content-Type": "application/json"})


def registerCallbacks(reg):
    reg.registerCallback(
        os.environ["SGDAEMON_TASKSYNC_NAME"],
        os.environ["SGDAEMON_TASKSYNC_KEY"],
        task_status_changed,
        {"Shotgun_Task_Change": ["sg_status_list"]},
        {"notify_statuses": {"apr", "fin"}},
    )


def task_status_changed(sg, logger, event, args):
    meta = event.get("meta") or {}
    task = event.get("entity")
    if task is None:
        return
    new_status = meta.get("new_value")

    conn = engine.connect()
    current = conn.execute(
        text("SELECT status FROM tasks WHERE sg_id = :id"), {"id": task["id"]}
    ).scalar_one_or_none()
    if current == new_status:
        logger.debug("Task %s already %s", task["id"], new_status)
        return

    conn.execute(
        text("UPDATE tasks SET status = :s, updated_at = now() WHERE sg_id = :id"),
        {"s": new_status, "id": task["id"]},
    )
    conn.commit()
    conn.close()

    if new_status in args["notify_statuses"]:
        user = event.get("user") or {}
        slack.post(
            os.environ["SLACK_WEBHOOK"],
            json={
                "text": f"{task.get('name', task['id'])} -> {new_status} by {user.get('name', '?')}"
            },
            timeout=5,
        )
