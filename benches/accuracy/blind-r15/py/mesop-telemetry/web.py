"""Telemetry viewer. Run with: mesop web.py --port 32123"""
from dataclasses import field
from datetime import datetime, timedelta, timezone

import mesop as me

from common.mongo import make_mongo

db = make_mongo("telemetry-web").telemetry


@me.stateclass
class State:
    device_id: str = ""
    hours: int = 6
    rows: list[str] = field(default_factory=list)
    error: str = ""


def on_device(e: me.InputBlurEvent):
    me.state(State).device_id = e.value.strip()


def on_hours(e: me.SliderValueChangeEvent):
    me.state(State).hours = int(e.value)


def on_load(e: me.ClickEvent):
    state = me.state(State)
    if not state.device_id:
        state.error = "Enter a device id first."
        return
    since = datetime.now(timezone.utc) - timedelta(hours=state.hours)
    cursor = (
        db.readings.find({"device_id": state.device_id, "ts": {"$gte": since}}, {"_id": 0})
        .sort("ts", -1)
        .limit(200)
    )
    state.rows = [f"{r['ts']:%H:%M:%S}  {r['metric']}={r['value']}" for r in cursor]
    state.error = "" if state.rows else "No readings in that window."


@me.page(path="/", title="Device telemetry")
def page():
    state = me.state(State)
    me.text("Device telemetry", type="headline-5")
    me.input(label="Device id", on_blur=on_device)
    me.slider(min=1, max=72, value=state.hours, on_value_change=on_hours)
    me.button("Load readings", on_click=on_load, type="flat")
    if state.error:
        me.text(state.error)
    for row in state.rows:
        me.text(row)
