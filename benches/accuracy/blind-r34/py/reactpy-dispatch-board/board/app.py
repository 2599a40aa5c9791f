"""Dispatch board: a ReactPy component tree mounted on Starlette.

Component functions re-run on every state change of every connected browser.
"""
import os

import httpx
from reactpy import component, html, use_state
from reactpy.backend.starlette import configure
from starlette.applications import Starlette

from board import db, fleet

NOTIFY_URL = os.environ.get("NOTIFY_URL", "https://notify.internal/api/v1/sms")


@component
def JobRow(job, drivers, on_assigned):
    async def handle_assign(event):
        if not drivers:
            return
        driver = drivers[0]
        db.assign(job["id"], driver["driver_id"])
        async with httpx.AsyncClient(timeout=5) as client:
            await client.post(
                NOTIFY_URL,
                json={"driver": driver["driver_id"], "text": f"New job: {job['address']}"},
            )
        on_assigned(job["id"])

    return html.tr(
        html.td(job["customer"]),
        html.td(job["address"]),
        html.td(str(job["window_start"])),
        html.td(html.button({"on_click": handle_assign}, "Assign nearest")),
    )


@component
def DispatchBoard():
    depot, set_depot = use_state("north")
    assigned, set_assigned = use_state(frozenset())

    jobs = [j for j in db.open_jobs(depot) if j["id"] not in assigned]
    drivers = fleet.drivers_near(depot)

    def mark_assigned(job_id):
        set_assigned(assigned | {job_id})

    return html.div(
        html.h1(f"Dispatch - {depot}"),
        html.select(
            {"value": depot, "on_change": lambda e: set_depot(e["target"]["value"])},
            html.option({"value": "north"}, "North"),
            html.option({"value": "south"}, "South"),
            html.option({"value": "harbour"}, "Harbour"),
        ),
        html.p(f"{len(drivers)} drivers on shift"),
        html.table(
            html.tbody([JobRow(j, drivers, mark_assigned, key=j["id"]) for j in jobs]),
        ),
    )


app = Starlette()
configure(app, DispatchBoard)
