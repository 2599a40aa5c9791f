import io
import os
from datetime import date, timedelta

import pandas as pd
import psycopg2
import redis
from shiny import App, reactive, render, ui
from sqlalchemy import text

from db import engine
from reports import last_refresh, revenue_by_region

EXPORT_DSN = os.environ.get("EXPORT_DSN", "dbname=sales host=warehouse.internal user=analyst")
REDIS_HOST = os.environ.get("REDIS_HOST", "localhost")

app_ui = ui.page_sidebar(
    ui.sidebar(
        ui.input_date("since", "Since", value=date.today() - timedelta(days=90)),
        ui.input_select("region", "Region", choices=["EMEA", "AMER", "APAC"], selected="EMEA"),
        ui.download_button("export", "Export orders CSV"),
    ),
    ui.layout_columns(
        ui.value_box("Orders today (live)", ui.output_text("live_orders")),
        ui.value_box("Revenue in range", ui.output_text("range_revenue")),
    ),
    ui.card(ui.card_header("Top products"), ui.output_data_frame("top_products")),
    ui.card(ui.card_header("Weekly revenue by region"), ui.output_data_frame("weekly")),
    ui.output_text("freshness"),
    title="Sales dashboard",
)

TOP_SQL = text(
    """
    SELECT p.name, SUM(l.qty) AS units, SUM(l.qty * l.price) AS revenue
    FROM order_lines l JOIN products p ON p.id = l.product_id JOIN orders o ON o.id = l.order_id
    WHERE o.region = :region AND o.ordered_at >= :since
    GROUP BY p.name ORDER BY revenue DESC LIMIT 20
    """
)


def server(input, output, session):
    live = reactive.value(0)

    @reactive.calc
    def top():
        with engine.connect() as conn:
            return pd.read_sql(TOP_SQL, conn, params={"region": input.region(), "since": input.since()})

    @reactive.effect
    def _poll_live_counter():
        reactive.invalidate_later(5)
        r = redis.Redis(host=REDIS_HOST, port=6379, db=2)
        live.set(int(r.get(f"orders:today:{input.region()}") or 0))

    @render.text
    def live_orders():
        return f"{live():,}"

    @render.text
    def range_revenue():
        return f"{top()['revenue'].sum():,.0f}"

    @render.data_frame
    def top_products():
        return render.DataGrid(top(), filters=True)

    @render.data_frame
    def weekly():
        df = revenue_by_region(input.since())
        return render.DataGrid(df[df["region"] == input.region()])

    @render.text
    def freshness():
        reactive.invalidate_later(300)
        return f"Data as of {last_refresh():%Y-%m-%d %H:%M}"

    @render.download(filename=lambda: f"orders-{input.region()}-{date.today()}.csv")
    def export():
        conn = psycopg2.connect(EXPORT_DSN)
        try:
            buf = io.StringIO()
            with conn.cursor() as cur:
                cur.copy_expert(
                    cur.mogrify(
                        "COPY (SELECT * FROM orders WHERE region = %s AND ordered_at >= %s) "
                        "TO STDOUT WITH CSV HEADER",
                        (input.region(), input.since()),
                    ).decode(),
                    buf,
                )
            yield buf.getvalue()
        finally:
            conn.close()


app = App(app_ui, server)
