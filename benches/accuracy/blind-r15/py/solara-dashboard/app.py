"""Run with: solara run app.py"""
from datetime import date, timedelta

import pandas as pd
import solara

import data

region = solara.reactive("north")
horizon = solara.reactive(14)


@solara.component
def SalesTable(rows):
    if not rows:
        solara.Info("No sales in this period.")
        return
    solara.DataFrame(pd.DataFrame(rows))


@solara.component
def Page():
    all_regions = solara.use_memo(data.regions, dependencies=[])
    since = date.today() - timedelta(days=30)
    rows = solara.use_memo(lambda: data.daily_sales(region.value, since), dependencies=[region.value])
    points, set_points = solara.use_state([])
    note, set_note = solara.use_state("")

    def run_forecast():
        set_points(data.forecast(region.value, horizon.value))

    def save_flag():
        if note.strip():
            data.flag_region(region.value, note.strip())
            set_note("")

    with solara.Column():
        solara.Title("Regional sales")
        solara.Select("Region", values=all_regions, value=region)
        SalesTable(rows)
        solara.SliderInt("Forecast days", value=horizon, min=7, max=60)
        solara.Button("Forecast", on_click=run_forecast)
        if points:
            solara.DataFrame(pd.DataFrame(points))
        solara.InputText("Flag note", value=note, on_value=set_note)
        solara.Button("Flag region", on_click=save_flag)
