import os

import pandas as pd
import panel as pn
from sqlalchemy import text

from clients import engine, status_http

pn.extension("tabulator")

STATUS_URL = os.environ.get("STATUS_URL", "http://status.internal/api/v1/summary")
REGIONS = ["emea", "amer", "apac"]


@pn.cache(ttl=600)
def load_orders(region: str) -> pd.DataFrame:
    with engine.connect() as conn:
        return pd.read_sql(
            text(
                "SELECT day, channel, orders, revenue FROM daily_orders "
                "WHERE region = :region AND day > current_date - 30 ORDER BY day"
            ),
            conn,
            params={"region": region},
        )


region = pn.widgets.Select(name="Region", options=REGIONS, value="emea")
table = pn.widgets.Tabulator(load_orders(region.value), pagination="remote", page_size=20, sizing_mode="stretch_width")
status = pn.pane.Markdown("Loading status…")


def on_region(event):
    table.value = load_orders(event.new)


region.param.watch(on_region, "value")


def poll_status():
    try:
        resp = status_http.get(STATUS_URL, timeout=5)
        resp.raise_for_status()
        s = resp.json()
        status.object = f"**Checkout:** {s['checkout']} · **Payments:** {s['payments']}"
    except Exception as exc:  # noqa: BLE001
        status.object = f"Status unavailable: {exc}"


poll_status()
cb = pn.state.add_periodic_callback(poll_status, period=30_000)
pn.state.on_session_destroyed(lambda ctx: cb.stop())

pn.template.FastListTemplate(
    title="Orders dashboard",
    sidebar=[region, status],
    main=[table],
).servable()
