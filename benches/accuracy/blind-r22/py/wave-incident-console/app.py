"""On-call incident console, run with `wave run app`.

serve() is invoked by the Wave server for every user interaction: first page
load, every button click, every table selection.
"""
import os

import httpx
from h2o_wave import Q, app, main, ui  # noqa: F401  (main is the ASGI entry point)

from store import get_db, open_incidents, set_state

PAGERDUTY_EVENTS_URL = "https://events.pagerduty.com/v2/enqueue"
STATUS_API = os.environ.get("STATUS_API_URL", "https://status.internal/api")

status_http: httpx.AsyncClient | None = None


async def on_startup():
    global status_http
    status_http = httpx.AsyncClient(base_url=STATUS_API, timeout=5)


async def on_shutdown():
    if status_http is not None:
        await status_http.aclose()


def render_table(q: Q, rows: list[dict]) -> None:
    q.page["incidents"] = ui.form_card(
        box="1 2 8 6",
        items=[
            ui.table(
                name="selected",
                columns=[
                    ui.table_column(name="id", label="ID"),
                    ui.table_column(name="title", label="Title", min_width="300px"),
                    ui.table_column(name="severity", label="Sev"),
                    ui.table_column(name="state", label="State"),
                ],
                rows=[
                    ui.table_row(name=str(r["_id"]), cells=[str(r["_id"]), r["title"], r["severity"], r["state"]])
                    for r in rows
                ],
                multiple=False,
            ),
            ui.buttons([ui.button(name="ack", label="Acknowledge", primary=True), ui.button(name="escalate", label="Escalate")]),
        ],
    )


async def escalate(q: Q, incident_id: str) -> None:
    async with httpx.AsyncClient(timeout=5) as pd:
        await pd.post(
            PAGERDUTY_EVENTS_URL,
            json={
                "routing_key": os.environ["PAGERDUTY_ROUTING_KEY"],
                "event_action": "trigger",
                "dedup_key": incident_id,
                "payload": {"summary": f"Escalated from console by {q.auth.username}", "severity": "critical", "source": "incident-console"},
            },
        )


@app("/incidents", on_startup=on_startup, on_shutdown=on_shutdown)
async def serve(q: Q):
    db = get_db()
    team = q.client.team or q.args.team or "platform"
    q.client.team = team

    if not q.client.initialized:
        q.page["meta"] = ui.meta_card(box="", title="Incident console", refresh=1)
        q.page["header"] = ui.header_card(box="1 1 8 1", title="Incidents", subtitle=f"Team {team}")
        q.client.initialized = True

    selected = q.args.selected[0] if q.args.selected else q.client.selected
    q.client.selected = selected

    if q.args.ack and selected:
        await set_state(db, selected, "acknowledged", q.auth.username)
    elif q.args.escalate and selected:
        await set_state(db, selected, "escalated", q.auth.username)
        await escalate(q, selected)

    rows = await open_incidents(db, team)
    render_table(q, rows)

    health = await status_http.get("/components", params={"team": team})
    q.page["status"] = ui.markdown_card(
        box="9 1 3 3",
        title="Dependencies",
        content="\n".join(f"- **{c['name']}**: {c['status']}" for c in health.json()),
    )
    await q.page.save()
