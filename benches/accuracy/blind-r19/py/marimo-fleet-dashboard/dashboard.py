import marimo

__generated_with = "0.9.14"
app = marimo.App(width="full", app_title="Fleet operations")


@app.cell
def _():
    import datetime as dt

    import httpx
    import marimo as mo
    import pandas as pd
    from sqlalchemy import text

    from fleet import db, telematics
    return db, dt, httpx, mo, pd, telematics, text


@app.cell
def _(db, dt, mo):
    depot = mo.ui.dropdown(options=sorted(db.DEPOT_URLS), value="north", label="Depot")
    period = mo.ui.date_range(
        start=dt.date(2024, 1, 1),
        value=(dt.date.today() - dt.timedelta(days=7), dt.date.today()),
        label="Period",
    )
    refresh = mo.ui.refresh(options=["30s", "1m", "5m"], default_interval="1m")
    mo.hstack([depot, period, refresh])
    return depot, period, refresh


@app.cell
def _(db, depot, pd):
    # Re-runs every time the depot dropdown changes.
    depot_engine = db.engine_for_depot(depot.value)
    status_df = pd.read_sql(db.VEHICLE_STATUS_SQL, depot_engine, params={"depot": depot.value})
    return (status_df,)


@app.cell
def _(mo, status_df):
    mo.ui.table(status_df, page_size=20, label="Vehicle status")
    return


@app.cell
def _(depot, httpx, mo, refresh, telematics):
    refresh  # re-run on every refresh tick
    api = httpx.Client(
        base_url=telematics.TELEMATICS_URL,
        headers=telematics.auth_headers(),
        timeout=10.0,
    )
    positions = telematics.latest_positions(api, depot.value)
    mo.md(f"**{len(positions)}** vehicles reporting from *{depot.value}*")
    return (positions,)


@app.cell
def _(db, depot, pd, period, text):
    start, end = period.value
    conn = db.ENGINE.connect()
    fuel_rows = conn.execute(
        text(
            "SELECT day, litres, cost_eur FROM fuel_daily "
            "WHERE depot = :depot AND day BETWEEN :start AND :end ORDER BY day"
        ),
        {"depot": depot.value, "start": start, "end": end},
    ).mappings().all()
    fuel_df = pd.DataFrame(fuel_rows)
    return (fuel_df,)


@app.cell
def _(db, depot, pd, period, text):
    with db.ENGINE.connect() as _conn:
        incidents_df = pd.DataFrame(
            _conn.execute(
                text(
                    "SELECT opened_at, severity, summary FROM incidents "
                    "WHERE depot = :depot AND opened_at::date BETWEEN :start AND :end"
                ),
                {"depot": depot.value, "start": period.value[0], "end": period.value[1]},
            ).mappings().all()
        )
    return (incidents_df,)


@app.cell
def _(fuel_df, incidents_df, mo):
    mo.vstack(
        [
            mo.md("### Fuel"),
            mo.ui.table(fuel_df),
            mo.md("### Incidents"),
            mo.ui.table(incidents_df),
        ]
    )
    return


if __name__ == "__main__":
    app.run()
