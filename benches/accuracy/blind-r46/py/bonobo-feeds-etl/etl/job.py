"""Nightly partner feed import (Bonobo graph). Run by the `etl` process type."""
import datetime as dt

import bonobo
import requests
from bonobo.config import use, use_raw_input
from sqlalchemy import text

from shared.db import make_engine


@use("http")
@use("feeds")
def extract(http, feeds):
    for url in feeds:
        resp = http.get(url, timeout=60)
        resp.raise_for_status()
        for item in resp.json()["products"]:
            yield {"feed": url, **item}


def normalize(row):
    price = row.get("price")
    if price is None:
        return
    yield {
        "sku": row["sku"].strip().upper(),
        "title": row.get("title", "").strip(),
        "price_cents": int(round(float(price) * 100)),
        "feed": row["feed"],
    }


@use("db")
@use_raw_input
def load(row, *, db):
    # called once per row; borrows a pooled connection from the one engine
    with db.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO products (sku, title, price_cents, source_feed, seen_at) "
                "VALUES (:sku, :title, :price_cents, :feed, now()) "
                "ON CONFLICT (sku) DO UPDATE SET title = EXCLUDED.title, "
                "price_cents = EXCLUDED.price_cents, seen_at = now()"
            ),
            dict(row),
        )


def get_graph(**options):
    graph = bonobo.Graph()
    graph.add_chain(extract, normalize, load)
    return graph


def get_services(feeds_file="feeds.txt", **options):
    http = requests.Session()
    http.headers["User-Agent"] = "acme-feeds-etl/2.1"
    with open(feeds_file) as fh:
        feeds = [line.strip() for line in fh if line.strip()]
    return {"http": http, "feeds": feeds, "db": make_engine(pool_size=3)}


if __name__ == "__main__":
    parser = bonobo.get_argument_parser()
    parser.add_argument("--feeds-file", default="feeds.txt")
    with bonobo.parse_args(parser) as options:
        services = get_services(**options)
        started = dt.datetime.now(dt.timezone.utc)
        try:
            bonobo.run(get_graph(**options), services=services)
            with services["db"].begin() as conn:
                conn.execute(
                    text("INSERT INTO etl_runs (started_at, finished_at) VALUES (:s, now())"),
                    {"s": started},
                )
        finally:
            services["http"].close()
            services["db"].dispose()
