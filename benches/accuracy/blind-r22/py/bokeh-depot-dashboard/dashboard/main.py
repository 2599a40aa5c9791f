"""Depot utilisation dashboard.

Served with `bokeh serve dashboard/`. Bokeh executes this file from the top
for every browser session that opens the page, building a fresh Document.
"""
import os
from datetime import datetime, timezone

import pandas as pd
import redis
from bokeh.io import curdoc
from bokeh.layouts import column, row
from bokeh.models import ColumnDataSource, DataTable, Div, Select, TableColumn
from bokeh.plotting import figure
from sqlalchemy import create_engine, text

from depot.db import engine, list_depots, vehicle_counts

ALERTS_DATABASE_URL = os.environ["ALERTS_DATABASE_URL"]
REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")

doc = curdoc()
doc.title = "Depot utilisation"

# Alerts live in the on-call team's database, not in the depot schema.
alerts_engine = create_engine(ALERTS_DATABASE_URL, pool_size=2, pool_pre_ping=True)

depots = list_depots()
depot_select = Select(title="Depot", value=depots[0], options=depots)
status = Div(text="")
live = Div(text="")

utilisation = ColumnDataSource(data=dict(ts=[], pct=[]))
alerts = ColumnDataSource(data=dict(raised_at=[], severity=[], message=[]))

plot = figure(
    height=320,
    sizing_mode="stretch_width",
    x_axis_type="datetime",
    title="Bay utilisation, last 24h",
)
plot.line("ts", "pct", source=utilisation, line_width=2)
plot.yaxis.axis_label = "% bays occupied"

alerts_table = DataTable(
    source=alerts,
    columns=[
        TableColumn(field="raised_at", title="Raised"),
        TableColumn(field="severity", title="Severity"),
        TableColumn(field="message", title="Message"),
    ],
    height=220,
    sizing_mode="stretch_width",
)


def load_utilisation(depot: str) -> None:
    conn = engine.connect()
    df = pd.read_sql(
        text(
            "SELECT ts, pct FROM depot_utilisation "
            "WHERE depot = :depot AND ts > now() - interval '24 hours' ORDER BY ts"
        ),
        conn,
        params={"depot": depot},
    )
    if df.empty:
        status.text = f"<i>No readings for {depot} in the last 24 hours</i>"
        utilisation.data = dict(ts=[], pct=[])
        return
    conn.close()
    utilisation.data = dict(ts=df["ts"], pct=df["pct"])
    counts = vehicle_counts(depot)
    status.text = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))


def load_alerts(depot: str) -> None:
    with alerts_engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT raised_at, severity, message FROM alerts "
                "WHERE depot = :depot AND resolved_at IS NULL "
                "ORDER BY raised_at DESC LIMIT 50"
            ),
            {"depot": depot},
        ).all()
    alerts.data = dict(
        raised_at=[r.raised_at for r in rows],
        severity=[r.severity for r in rows],
        message=[r.message for r in rows],
    )


def on_depot_change(attr, old, new):
    load_utilisation(new)
    load_alerts(new)


def refresh_live_counter():
    r = redis.Redis.from_url(REDIS_URL, decode_responses=True, socket_timeout=2)
    in_yard = r.get(f"depot:{depot_select.value}:vehicles_in_yard") or "0"
    updated = datetime.now(timezone.utc).strftime("%H:%M:%S")
    live.text = f"<b>{in_yard}</b> vehicles in yard (updated {updated} UTC)"


depot_select.on_change("value", on_depot_change)
on_depot_change("value", None, depot_select.value)
doc.add_periodic_callback(refresh_live_counter, 5000)

doc.add_root(
    column(
        row(depot_select, live),
        status,
        plot,
        alerts_table,
        sizing_mode="stretch_width",
    )
)
