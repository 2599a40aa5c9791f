"""Trame dashboard for depot managers: live vehicle positions per depot."""
import os

import httpx
from trame.app import get_server
from trame.ui.vuetify3 import SinglePageLayout
from trame.widgets import html
from trame.widgets import vuetify3 as v3

import history
import store

TELEMATICS_URL = os.environ.get("TELEMATICS_URL", "https://telematics.example.net/api")
TELEMATICS_KEY = os.environ.get("TELEMATICS_KEY", "")

server = get_server(client_type="vue3")
state, ctrl = server.state, server.controller

state.trame__title = "Fleet dashboard"
state.depots = []
state.selected_depot = None
state.vehicles = []
state.idle = 0
state.status_message = ""

HEADERS = [
    {"title": "Plate", "key": "plate"},
    {"title": "Model", "key": "model"},
    {"title": "Speed (km/h)", "key": "speed_kmh"},
    {"title": "Ignition", "key": "ignition"},
    {"title": "Odometer", "key": "odometer_km"},
]


@ctrl.add("on_server_ready")
def load_depots(**kwargs):
    store.ensure_indexes()
    state.depots = store.list_depots()


@state.change("selected_depot")
def on_depot_change(selected_depot, **kwargs):
    if not selected_depot:
        state.vehicles = []
        return

    fleet = store.vehicles_for(selected_depot)
    telematics = httpx.Client(
        base_url=TELEMATICS_URL,
        headers={"X-Api-Key": TELEMATICS_KEY},
        timeout=5.0,
    )
    resp = telematics.post("/positions/batch", json={"trackers": [v["tracker_id"] for v in fleet]})
    resp.raise_for_status()
    positions = {p["tracker_id"]: p for p in resp.json()["positions"]}

    rows = []
    for v in fleet:
        p = positions.get(v["tracker_id"], {})
        rows.append({**v, "lat": p.get("lat"), "lon": p.get("lon"),
                     "speed_kmh": p.get("speed_kmh", 0), "ignition": p.get("ignition", False)})

    history.record_positions(selected_depot, [r for r in rows if r["lat"] is not None])
    state.vehicles = rows
    state.idle = history.idle_count(selected_depot)
    state.status_message = f"{len(rows)} vehicles at {selected_depot}"


@ctrl.set("refresh")
def refresh():
    on_depot_change(state.selected_depot)
    state.dirty("vehicles")


with SinglePageLayout(server) as layout:
    layout.title.set_text("Fleet dashboard")
    with layout.toolbar:
        v3.VSpacer()
        v3.VSelect(
            v_model=("selected_depot", None),
            items=("depots", []),
            label="Depot",
            density="compact",
            hide_details=True,
            style="max-width: 300px",
        )
        v3.VBtn("Refresh", click=ctrl.refresh, prepend_icon="mdi-refresh")
    with layout.content:
        with v3.VContainer(fluid=True):
            html.Div("{{ status_message }} - idle readings: {{ idle }}", classes="text-caption mb-2")
            v3.VDataTable(headers=("headers", HEADERS), items=("vehicles", []), density="compact")


if __name__ == "__main__":
    server.start()
