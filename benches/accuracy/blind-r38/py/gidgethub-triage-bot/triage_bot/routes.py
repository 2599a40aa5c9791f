import asyncio
import re
from datetime import datetime

import asyncpg
from gidgethub import routing

from triage_bot import clients

router = routing.Router()

AREA_LABELS = {
    r"\b(docs?|readme)\b": "area/docs",
    r"\b(crash|traceback|segfault)\b": "kind/bug",
    r"\b(feature|proposal)\b": "kind/feature",
}


@router.register("issues", action="opened")
async def label_new_issue(event, gh, *args, **kwargs):
    issue = event.data["issue"]
    text = f"{issue['title']} {issue.get('body') or ''}".lower()
    labels = [label for pattern, label in AREA_LABELS.items() if re.search(pattern, text)]
    if labels:
        await gh.post(issue["labels_url"], data={"labels": labels})

    cache = clients.make_redis()
    repo = event.data["repository"]["full_name"]
    await cache.hincrby(f"triage:{repo}:opened", datetime.utcnow().strftime("%Y-%m-%d"), 1)


@router.register("pull_request", action="closed")
async def record_cycle_time(event, gh, *args, **kwargs):
    pr = event.data["pull_request"]
    if not pr["merged"]:
        return
    opened = datetime.fromisoformat(pr["created_at"].replace("Z", "+00:00"))
    merged = datetime.fromisoformat(pr["merged_at"].replace("Z", "+00:00"))
    pool = await asyncpg.create_pool(clients.METRICS_DSN, min_size=1, max_size=2)
    try:
        await pool.execute(
            "INSERT INTO pr_cycle_time (repo, number, author, hours) VALUES ($1, $2, $3, $4)",
            event.data["repository"]["full_name"],
            pr["number"],
            pr["user"]["login"],
            (merged - opened).total_seconds() / 3600,
        )
    finally:
        await pool.close()


@router.register("check_run", action="completed")
async def track_flaky_check(event, gh, *args, **kwargs):
    run = event.data["check_run"]
    if run["conclusion"] != "failure":
        return
    table = clients.flaky_table()
    await asyncio.to_thread(
        table.update_item,
        Key={"repo": event.data["repository"]["full_name"], "check": run["name"]},
        UpdateExpression="ADD failures :one",
        ExpressionAttributeValues={":one": 1},
    )
