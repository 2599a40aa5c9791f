import flet as ft
from sqlalchemy import select

from db import Item, SessionLocal
from pricing import pricing_client


def main(page: ft.Page) -> None:
    # Flet calls main() once for every browser session that connects.
    page.title = "Stock room"
    sku = ft.TextField(label="SKU", width=200)
    qty = ft.TextField(label="Quantity", width=120, keyboard_type=ft.KeyboardType.NUMBER)
    price = ft.Text()
    table = ft.DataTable(
        columns=[ft.DataColumn(ft.Text("SKU")), ft.DataColumn(ft.Text("Qty"), numeric=True)],
        rows=[],
    )

    def refresh(e=None) -> None:
        with SessionLocal() as session:
            items = session.scalars(select(Item).order_by(Item.sku)).all()
        table.rows = [
            ft.DataRow(cells=[ft.DataCell(ft.Text(i.sku)), ft.DataCell(ft.Text(str(i.quantity)))]) for i in items
        ]
        page.update()

    def add_stock(e) -> None:
        with SessionLocal.begin() as session:
            item = session.scalar(select(Item).where(Item.sku == sku.value))
            if item is None:
                item = Item(sku=sku.value, quantity=0)
                session.add(item)
            item.quantity += int(qty.value or 0)
        qty.value = ""
        refresh()

    def check_price(e) -> None:
        resp = pricing_client().get(f"/prices/{sku.value}")
        price.value = f"{resp.json()['amount']} EUR" if resp.status_code == 200 else "no price"
        page.update()

    page.add(
        ft.Row([sku, qty, ft.ElevatedButton("Add", on_click=add_stock), ft.OutlinedButton("Price", on_click=check_price)]),
        price,
        table,
    )
    refresh()


ft.app(target=main, view=ft.AppView.WEB_BROWSER, port=8550)
