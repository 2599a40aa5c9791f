"""Pykka actors that keep stock levels in sync with the supplier portal."""
import logging
import os
from datetime import date

import pykka
import requests
from sqlalchemy import select, update

from . import reports
from .db import SessionLocal
from .models import StockLevel, StockMove

log = logging.getLogger(__name__)

SUPPLIER_API = os.environ.get("SUPPLIER_API", "https://supplier.example.com/api/v2")
SUPPLIER_TOKEN = os.environ.get("SUPPLIER_TOKEN", "")


class StockActor(pykka.ThreadingActor):
    """Receives stock move messages from the scanner gateway, one per scan."""

    def __init__(self, reorder_ref):
        super().__init__()
        self.reorder_ref = reorder_ref

    def on_receive(self, message):
        kind = message.get("type")
        if kind == "move":
            return self._apply_move(message)
        if kind == "ping":
            return "pong"
        log.warning("unknown message %r", message)
        return None

    def _apply_move(self, message):
        sku = message["sku"]
        warehouse = message["warehouse"]
        delta = int(message["delta"])
        with SessionLocal.begin() as session:
            session.add(StockMove(sku=sku, warehouse=warehouse, delta=delta))
            session.execute(
                update(StockLevel)
                .where(StockLevel.sku == sku, StockLevel.warehouse == warehouse)
                .values(on_hand=StockLevel.on_hand + delta)
            )
            level = session.scalar(
                select(StockLevel).where(
                    StockLevel.sku == sku, StockLevel.warehouse == warehouse
                )
            )
        if level is not None and level.on_hand < level.reorder_point:
            self.reorder_ref.tell(
                {"type": "reorder", "sku": sku, "warehouse": warehouse,
                 "qty": level.reorder_point * 2 - level.on_hand}
            )
        return level.on_hand if level is not None else None


class ReorderActor(pykka.ThreadingActor):
    """Places supplier purchase orders; one message per low-stock event."""

    def on_receive(self, message):
        if message.get("type") != "reorder":
            return None
        http = requests.Session()
        http.headers.update({"Authorization": f"Bearer {SUPPLIER_TOKEN}"})
        resp = http.post(
            f"{SUPPLIER_API}/purchase-orders",
            json={
                "sku": message["sku"],
                "ship_to": message["warehouse"],
                "quantity": message["qty"],
            },
            timeout=15,
        )
        resp.raise_for_status()
        log.info("PO %s for %s", resp.json().get("id"), message["sku"])
        return resp.json().get("id")


class ReportActor(pykka.ThreadingActor):
    """Answers report asks from the ops console."""

    def on_receive(self, message):
        kind = message.get("type")
        if kind == "low_stock":
            return reports.low_stock()
        if kind == "daily":
            day = message.get("day") or date.today()
            return reports.daily_moves(day)
        return None
