"""Widgets and callbacks for dashboard.ipynb (served with `voila dashboard.ipynb`)."""
import ipywidgets as widgets
import pandas as pd
from IPython.display import display
from sqlalchemy import text

from .db import engine
from .queries import depots, utilisation


def _faults_for(depot: str) -> pd.DataFrame:
    sql = text(
        "SELECT registration, code, raised_at FROM open_faults "
        "WHERE depot = :depot ORDER BY raised_at DESC LIMIT 50"
    )
    with engine.connect() as conn:
        return pd.read_sql(sql, conn, params={"depot": depot})


def build_dashboard() -> None:
    depot = widgets.Dropdown(options=depots(), description="Depot")
    window = widgets.IntSlider(value=7, min=1, max=90, description="Days")
    vehicle = widgets.Text(placeholder="registration", description="Vehicle")
    lookup = widgets.Button(description="Service history", icon="wrench")
    table_out = widgets.Output()
    faults_out = widgets.Output()
    history_out = widgets.Output()

    def redraw(_change=None):
        frame = utilisation(depot.value, window.value)
        with table_out:
            table_out.clear_output(wait=True)
            display(frame)
        with faults_out:
            faults_out.clear_output(wait=True)
            display(_faults_for(depot.value))

    def show_history(_button):
        reg = vehicle.value.strip().upper()
        if not reg:
            return
        conn = engine.connect()
        rows = conn.execute(
            text(
                "SELECT serviced_at, workshop, odometer_km, notes FROM service_log "
                "WHERE registration = :reg ORDER BY serviced_at DESC"
            ),
            {"reg": reg},
        ).fetchall()
        with history_out:
            history_out.clear_output(wait=True)
            display(pd.DataFrame(rows, columns=["serviced_at", "workshop", "odometer_km", "notes"]))

    depot.observe(redraw, names="value")
    window.observe(redraw, names="value")
    lookup.on_click(show_history)

    display(
        widgets.VBox(
            [
                widgets.HBox([depot, window]),
                widgets.Tab(children=[table_out, faults_out], titles=["Utilisation", "Open faults"]),
                widgets.HBox([vehicle, lookup]),
                history_out,
            ]
        )
    )
    redraw()
