"""Order operations dashboard (Taipy GUI)."""
import os
from datetime import datetime

import pandas as pd
from sqlalchemy import create_engine, text
from taipy.gui import Gui, notify

import db

REPORTING_URL = os.environ.get(
    "REPORTING_URL", "postgresql+psycopg2://report:report@warehouse.internal:5432/reporting"
)
EXPORT_DIR = os.environ.get("EXPORT_DIR", "/srv/exports")

region = "EU"
days = 7
orders = db.load_orders(region, days)
counts = db.status_counts(region)
selected = []

page = """
# Orders

<|{region}|selector|lov=EU;US;APAC|dropdown|on_change=on_filter_change|>
<|{days}|slider|min=1|max=90|on_change=on_filter_change|>
<|Refresh|button|on_action=refresh|>
<|Mark shipped|button|on_action=ship_selected|>
<|Export revenue|button|on_action=export_revenue|>

<|{counts}|chart|type=bar|x=status|y=n|>
<|{orders}|table|page_size=25|selected={selected}|>
"""


def on_filter_change(state, var_name, value):
    state.orders = db.load_orders(state.region, state.days)
    state.counts = db.status_counts(state.region)


def refresh(state, id, payload):
    on_filter_change(state, "refresh", None)
    notify(state, "info", f"{len(state.orders)} orders loaded")


def ship_selected(state, id, payload):
    if not state.selected:
        notify(state, "warning", "Select at least one order")
        return
    ids = [int(state.orders.iloc[i]["id"]) for i in state.selected]
    db.mark_shipped(ids)
    refresh(state, id, payload)


def export_revenue(state, id, payload):
    warehouse = create_engine(REPORTING_URL)
    frame = pd.read_sql(
        text(
            "SELECT day, region, revenue FROM daily_revenue "
            "WHERE region = :region ORDER BY day DESC LIMIT :days"
        ),
        warehouse,
        params={"region": state.region, "days": state.days},
    )
    path = os.path.join(
        EXPORT_DIR, f"revenue-{state.region}-{datetime.now():%Y%m%d%H%M%S}.csv"
    )
    frame.to_csv(path, index=False)
    notify(state, "success", f"Exported {len(frame)} rows to {path}")


if __name__ == "__main__":
    Gui(page).run(title="Order ops", host="0.0.0.0", port=5000, use_reloader=False)
