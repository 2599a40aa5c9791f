import os

import httpx
import reflex as rx
from sqlmodel import select

from . import reporting
from .models import Item
from .pricing.db import latest_price_cents, record_price

SUPPLIER_API = os.environ.get("SUPPLIER_API", "https://supplier.example.com/api")
SUPPLIER_TOKEN = os.environ.get("SUPPLIER_TOKEN", "")


class InventoryState(rx.State):
    items: list[Item] = []
    low_stock: int = 0
    stock_value: str = "0.00"
    status: str = ""

    def load_items(self):
        with rx.session() as session:
            self.items = session.exec(select(Item).order_by(Item.sku)).all()
        self.low_stock = reporting.low_stock_count()
        self.stock_value = f"{reporting.stock_value_cents() / 100:.2f}"

    def refresh_prices(self):
        client = httpx.Client(base_url=SUPPLIER_API, headers={"Authorization": f"Bearer {SUPPLIER_TOKEN}"})
        with rx.session() as session:
            for item in session.exec(select(Item)).all():
                resp = client.get(f"/prices/{item.sku}")
                if resp.status_code != 200:
                    continue
                price = resp.json()["price_cents"]
                if price != latest_price_cents(item.sku):
                    record_price(item.sku, price)
                item.price_cents = price
                session.add(item)
            session.commit()
        self.status = "Prices refreshed"
        return InventoryState.load_items

    async def sync_supplier_stock(self):
        async with httpx.AsyncClient(base_url=SUPPLIER_API, timeout=15) as client:
            resp = await client.get("/stock", headers={"Authorization": f"Bearer {SUPPLIER_TOKEN}"})
            resp.raise_for_status()
            levels = {row["sku"]: row["available"] for row in resp.json()["items"]}
        with rx.session() as session:
            for item in session.exec(select(Item).where(Item.sku.in_(list(levels)))).all():
                item.on_hand = levels[item.sku]
                session.add(item)
            session.commit()
        self.status = f"Synced {len(levels)} SKUs"
        yield InventoryState.load_items


def item_row(item: Item) -> rx.Component:
    return rx.table.row(
        rx.table.cell(item.sku),
        rx.table.cell(item.name),
        rx.table.cell(item.on_hand),
        rx.table.cell(item.price_cents),
    )


def index() -> rx.Component:
    return rx.vstack(
        rx.heading("Inventory"),
        rx.hstack(
            rx.badge(f"Low stock: {InventoryState.low_stock}"),
            rx.badge(f"Stock value: {InventoryState.stock_value}"),
        ),
        rx.hstack(
            rx.button("Refresh prices", on_click=InventoryState.refresh_prices),
            rx.button("Sync supplier stock", on_click=InventoryState.sync_supplier_stock),
        ),
        rx.text(InventoryState.status),
        rx.table.root(
            rx.table.body(rx.foreach(InventoryState.items, item_row)),
        ),
        on_mount=InventoryState.load_items,
    )


app = rx.App()
app.add_page(index, route="/")
