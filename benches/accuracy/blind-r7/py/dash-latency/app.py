import functools
import json
import os

import pandas as pd
import plotly.express as px
import redis
from clickhouse_driver import Client
from dash import Dash, Input, Output, callback, dcc, html

CH_HOST = os.environ.get("CLICKHOUSE_HOST", "localhost")
CH_URL = os.environ.get("CLICKHOUSE_URL", f"clickhouse://default:@{CH_HOST}:9000/metrics")


@functools.cache
def cache() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/1"))


def clickhouse() -> Client:
    return Client(
        host=CH_HOST,
        database="metrics",
        user=os.environ.get("CLICKHOUSE_USER", "default"),
        password=os.environ.get("CLICKHOUSE_PASSWORD", ""),
        settings={"max_execution_time": 30},
    )


app = Dash(__name__, title="Service latency")
server = app.server

app.layout = html.Div(
    [
        html.H2("Request latency"),
        dcc.Dropdown(id="service", placeholder="Service"),
        dcc.Graph(id="latency"),
        dcc.Interval(id="tick", interval=15_000),
    ]
)


@callback(Output("service", "options"), Input("tick", "n_intervals"))
def refresh_services(_n):
    cached = cache().get("dash:services")
    if cached:
        return json.loads(cached)
    ch = Client.from_url(CH_URL)
    names = [
        row[0]
        for row in ch.execute(
            "SELECT DISTINCT service FROM requests WHERE ts > now() - INTERVAL 1 DAY ORDER BY service"
        )
    ]
    cache().setex("dash:services", 300, json.dumps(names))
    return names


@callback(Output("latency", "figure"), Input("service", "value"), Input("tick", "n_intervals"))
def update_latency(service, _n):
    if not service:
        return px.line(title="Pick a service")
    ch = clickhouse()
    try:
        rows = ch.execute(
            "SELECT toStartOfMinute(ts) AS minute, quantile(0.5)(duration_ms), quantile(0.99)(duration_ms) "
            "FROM requests WHERE service = %(service)s AND ts > now() - INTERVAL 1 HOUR "
            "GROUP BY minute ORDER BY minute",
            {"service": service},
        )
    finally:
        ch.disconnect()
    df = pd.DataFrame(rows, columns=["minute", "p50", "p99"])
    return px.line(df, x="minute", y=["p50", "p99"], title=f"{service} latency (ms)")


if __name__ == "__main__":
    app.run(debug=os.environ.get("DASH_DEBUG") == "1")
