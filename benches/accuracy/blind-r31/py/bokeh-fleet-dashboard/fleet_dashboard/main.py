"""Fleet control-room dashboard, served with `bokeh serve fleet_dashboard`."""
import os

import httpx
from bokeh.io import curdoc
from bokeh.layouts import column, row
from bokeh.models import ColumnDataSource, Div, Select
from bokeh.plotting import figure
from sqlalchemy import create_engine, text

import data

ALERTS_API = os.environ.get("ALERTS_API", "http://alerts.internal:8080")

maint_engine = create_engine(os.environ["MAINTENANCE_DB_URL"], pool_size=2, max_overflow=0)

depot_codes = data.depots()
depot = Select(title="Depot", value=depot_codes[0], options=depot_codes)
source = ColumnDataSource(data=dict(ts=[], speed=[]))
alerts_div = Div(text="")
maint_div = Div(text="")

plot = figure(x_axis_type="datetime", height=320, sizing_mode="stretch_width", title="Average speed (km/h)")
plot.line("ts", "speed", source=source, line_width=2)


def refresh():
    frame = data.speed_series(depot.value)
    source.data = dict(ts=frame["ts"], speed=frame["speed"])

    client = httpx.Client(base_url=ALERTS_API, timeout=4.0)
    alerts = client.get("/v1/alerts", params={"depot": depot.value, "state": "open"}).json()
    alerts_div.text = "<br>".join(f"<b>{a['vehicle']}</b> {a['message']}" for a in alerts) or "No open alerts"


def on_depot_change(attr, old, new):
    conn = maint_engine.connect()
    rows = conn.execute(
        text(
            "SELECT vehicle_reg, due_date, job FROM maintenance_due "
            "WHERE depot = :d AND due_date < current_date + 7 ORDER BY due_date"
        ),
        {"d": new},
    ).all()
    maint_div.text = "<ul>" + "".join(f"<li>{r.vehicle_reg}: {r.job} ({r.due_date})</li>" for r in rows) + "</ul>"
    refresh()


depot.on_change("value", on_depot_change)

doc = curdoc()
doc.add_root(column(row(depot), plot, row(alerts_div, maint_div), sizing_mode="stretch_width"))
doc.title = "Fleet control room"
doc.add_periodic_callback(refresh, 5000)
refresh()
