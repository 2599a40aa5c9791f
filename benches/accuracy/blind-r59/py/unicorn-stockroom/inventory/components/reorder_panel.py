"""django-unicorn component: reorder panel shown next to a low-stock SKU.

Template: {% unicorn 'reorder-panel' sku=item.sku %}
"""
from django.utils import timezone
from django_unicorn.components import UnicornView
from sqlalchemy import insert, select

from inventory.reporting_db import ReportingSession, suggested_quantity, weekly_usage
from inventory.warehouse_db import purchase_orders, stock_levels


class ReorderPanelView(UnicornView):
    sku: str = ""
    usage: list = []
    quantity: int = 0
    unit_cost: str = ""
    message: str = ""

    def mount(self):
        self.sku = self.component_kwargs.get("sku", self.sku)
        self.usage = weekly_usage(self.sku)
        self.quantity = suggested_quantity(self.usage)

    def recalculate(self):
        self.usage = weekly_usage(self.sku)
        self.quantity = suggested_quantity(self.usage)

    def place_order(self):
        if self.quantity <= 0:
            self.message = "Quantity must be positive."
            return

        session = ReportingSession()
        row = session.execute(
            select(stock_levels.c.on_hand, stock_levels.c.reorder_point).where(
                stock_levels.c.sku == self.sku
            )
        ).first()
        if row is None:
            self.message = f"Unknown SKU {self.sku}."
            return
        if row.on_hand > row.reorder_point * 2:
            self.message = "Stock is healthy; order not placed."
            return

        session.execute(
            insert(purchase_orders).values(
                sku=self.sku,
                quantity=self.quantity,
                unit_cost=self.unit_cost or None,
                requested_by=self.request.user.get_username(),
                created_at=timezone.now(),
            )
        )
        session.commit()
        session.close()
        self.message = f"Ordered {self.quantity} x {self.sku}."
