"""ReactPy components. Every render and every click runs these functions again."""
from reactpy import component, event, hooks, html
from sqlalchemy import text

from opsdash import statuspage
from opsdash.db import SessionLocal


async def _load_open_incidents() -> list[dict]:
    async with SessionLocal() as session:
        result = await session.execute(
            text("SELECT id, title, severity, public_id FROM incidents WHERE resolved_at IS NULL "
                 "ORDER BY severity, opened_at")
        )
        return [dict(r._mapping) for r in result]


@component
def IncidentRow(incident: dict, on_changed):
    busy, set_busy = hooks.use_state(False)

    async def publish(_event):
        set_busy(True)
        public_id = await statuspage.post_incident(incident["title"], f"Severity {incident['severity']}")
        async with SessionLocal() as session, session.begin():
            await session.execute(
                text("UPDATE incidents SET public_id = :pid WHERE id = :id"),
                {"pid": public_id, "id": incident["id"]},
            )
        set_busy(False)
        await on_changed()

    async def resolve(_event):
        async with SessionLocal() as session, session.begin():
            await session.execute(
                text("UPDATE incidents SET resolved_at = now() WHERE id = :id"), {"id": incident["id"]}
            )
        await on_changed()

    return html.tr(
        html.td(incident["title"]),
        html.td(str(incident["severity"])),
        html.td(
            html.button({"on_click": publish, "disabled": busy or bool(incident["public_id"])},
                        "Publish"),
            html.button({"on_click": resolve}, "Resolve"),
        ),
    )


@component
def Dashboard():
    incidents, set_incidents = hooks.use_state([])

    async def reload():
        set_incidents(await _load_open_incidents())

    @hooks.use_effect(dependencies=[])
    async def initial_load():
        await reload()

    @event(prevent_default=True)
    async def on_refresh(_event):
        await reload()

    return html.div(
        html.h1("Open incidents"),
        html.button({"on_click": on_refresh}, "Refresh"),
        html.table(html.tbody([IncidentRow(i, reload, key=i["id"]) for i in incidents])),
    )
