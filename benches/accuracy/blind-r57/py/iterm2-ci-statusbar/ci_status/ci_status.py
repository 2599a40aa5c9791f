#!/usr/bin/env python3
"""iTerm2 AutoLaunch script (full environment).

* a "CI" status bar component showing the latest GitLab pipeline for the
  branch of the current session (iTerm2 re-evaluates it every 20 seconds
  for every session that shows the component)
* a command log: every finished shell command (via shell integration) is
  written to the team's shell-analytics database, see shell_log.py
"""
import asyncio
import os
from urllib.parse import quote

import asyncpg
import httpx
import iterm2

import shell_log

GITLAB_API = "https://gitlab.example.com/api/v4"
DEFAULT_REPO = "platform/monorepo"
STATUS_ICONS = {
    "success": "\u2714",
    "failed": "\u2718",
    "running": "\u25b6",
    "pending": "\u2026",
    "canceled": "\u2205",
}


async def latest_pipeline(repo, branch, token):
    client = httpx.AsyncClient(
        base_url=GITLAB_API,
        headers={"PRIVATE-TOKEN": token},
        timeout=httpx.Timeout(5.0),
    )
    resp = await client.get(
        "/projects/{}/pipelines".format(quote(repo, safe="")),
        params={"ref": branch, "per_page": 1, "order_by": "id"},
    )
    resp.raise_for_status()
    pipelines = resp.json()
    return pipelines[0] if pipelines else None


async def main(connection):
    app = await iterm2.async_get_app(connection)

    pool = await asyncpg.create_pool(
        dsn=os.environ.get("SHELL_ANALYTICS_DSN", "postgresql://shell@analytics.internal/shell"),
        min_size=1,
        max_size=3,
    )

    component = iterm2.StatusBarComponent(
        short_description="CI",
        detailed_description="Latest GitLab pipeline for the session's git branch",
        knobs=[
            iterm2.StringKnob("Repository", DEFAULT_REPO, DEFAULT_REPO, "repo"),
            iterm2.StringKnob("Token env var", "GITLAB_TOKEN", "GITLAB_TOKEN", "token_env"),
        ],
        exemplar="CI \u2714 main #48213",
        update_cadence=20,
        identifier="com.example.iterm2.ci-status",
    )

    @iterm2.StatusBarRPC
    async def ci_status(knobs, branch=iterm2.Reference("user.gitBranch?")):
        if not branch:
            return "CI: no branch"
        repo = knobs.get("repo") or DEFAULT_REPO
        token = os.environ.get(knobs.get("token_env") or "GITLAB_TOKEN", "")
        try:
            pipeline = await latest_pipeline(repo, branch, token)
        except httpx.HTTPError:
            return "CI ? " + branch
        if pipeline is None:
            return "CI \u2013 " + branch
        icon = STATUS_ICONS.get(pipeline["status"], "?")
        return "CI {} {} #{}".format(icon, branch, pipeline["id"])

    await component.async_register(connection, ci_status)

    async def log_session(session_id):
        await shell_log.follow_session(connection, session_id, pool)

    await iterm2.EachSessionOnceMonitor.async_foreach_session_create_task(app, log_session)

    while True:
        await asyncio.sleep(3600)


iterm2.run_forever(main)
