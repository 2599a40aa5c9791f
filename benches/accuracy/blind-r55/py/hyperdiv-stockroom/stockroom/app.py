"""Stockroom dashboard.

Hyperdiv calls main() again on every state change (each click, each keystroke in
an input, each finished task), so everything in main() runs once per render.
"""
import json
import os

import httpx
import hyperdiv as hd
import redis

from stockroom import db

CARRIER_API = os.environ.get("CARRIER_API", "https://carrier-gateway.internal/v2")
CARRIER_TOKEN = os.environ.get("CARRIER_TOKEN", "")

cache = redis.Redis.from_url(
    os.environ.get("STOCKROOM_REDIS_URL", "redis://localhost:6379/2"), decode_responses=True
)


def fetch_tracking(api: httpx.Client, order_id: str) -> dict:
    cached = cache.get(f"tracking:{order_id}")
    if cached:
        return json.loads(cached)
    resp = api.get(f"/shipments/{order_id}")
    resp.raise_for_status()
    payload = resp.json()
    cache.setex(f"tracking:{order_id}", 300, json.dumps(payload))
    return payload


def render_kpis():
    kpis = db.weekly_kpis(db.reporting_engine())
    with hd.hbox(gap=2):
        for label, key in (("Shipped", "shipped"), ("Received", "received")):
            with hd.scope(key):
                with hd.vbox(border="1px solid neutral-200", padding=1, border_radius="medium"):
                    hd.text(label, font_color="neutral-600")
                    hd.h3(f"{kpis[key]:,}")
        with hd.vbox(border="1px solid neutral-200", padding=1, border_radius="medium"):
            hd.text("Avg pick time", font_color="neutral-600")
            hd.h3(f"{float(kpis['pick_minutes']):.1f} min")


def render_low_stock(threshold: int):
    task = hd.task()
    task.run(db.low_stock, threshold)
    if task.running:
        hd.spinner()
    elif task.error:
        hd.alert(f"Could not load stock levels: {task.error}", variant="danger", opened=True)
    elif task.done:
        hd.data_table(task.result)
        if hd.button("Refresh", size="small").clicked:
            task.clear()


def render_backorders():
    task = hd.task()
    task.run(db.open_backorders)
    if task.running:
        hd.spinner()
    elif task.done:
        hd.text(f"{len(task.result)} open backorders", font_weight="bold")
        for row in task.result[:20]:
            with hd.scope(row["id"]):
                hd.text(f"#{row['id']} {row['customer']}: {row['qty']} x {row['sku']}")


def render_tracking(api: httpx.Client):
    state = hd.state(order_id="")
    with hd.hbox(gap=1, align="end"):
        order_input = hd.text_input(placeholder="Order number")
        if hd.button("Track").clicked and order_input.value.strip():
            state.order_id = order_input.value.strip()
    if not state.order_id:
        return
    task = hd.task()
    task.run(fetch_tracking, api, state.order_id)
    if task.running:
        hd.spinner()
    elif task.error:
        hd.text(f"Lookup failed: {task.error}", font_color="red")
    elif task.done:
        hd.text(f"Status: {task.result.get('status', 'unknown')}")
        hd.text(f"Carrier: {task.result.get('carrier', '-')}")
        if task.result.get("eta"):
            hd.text(f"ETA: {task.result['eta']}")


def main():
    settings = hd.state(threshold=10)
    api = httpx.Client(
        base_url=CARRIER_API,
        headers={"Authorization": f"Bearer {CARRIER_TOKEN}"},
        timeout=10.0,
    )

    template = hd.template(title="Stockroom", sidebar=False)
    with template.body:
        render_kpis()
        hd.divider()
        with hd.hbox(gap=1, align="center"):
            hd.text("Low-stock threshold")
            slider = hd.slider(min_value=1, max_value=100, value=settings.threshold)
            if slider.changed:
                settings.threshold = int(slider.value)
        render_low_stock(settings.threshold)
        hd.divider()
        render_backorders()
        hd.divider()
        render_tracking(api)


def run():
    hd.run(main)


if __name__ == "__main__":
    run()
