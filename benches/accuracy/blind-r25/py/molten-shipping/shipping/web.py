"""Molten HTTP API for shipments (the `web` process)."""

import os
from inspect import Parameter
from typing import Optional

from molten import HTTP_201, HTTP_404, App, HTTPError, Include, Route, field, schema
from sqlalchemy import text
from sqlalchemy.engine import Engine
from walrus import Database

from shipping.db import make_engine

ENGINE = make_engine("web")
STREAM = Database.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0")).Stream("shipments:created")


class EngineComponent:
    """Hands the process-wide engine to handlers that ask for an Engine."""

    is_cacheable = True
    is_singleton = True

    def can_handle_parameter(self, parameter: Parameter) -> bool:
        return parameter.annotation is Engine

    def resolve(self) -> Engine:
        return ENGINE


@schema
class ShipmentIn:
    order_id: str
    carrier: str = field(choices=["dhl", "ups", "postnl"])
    weight_grams: int = field(minimum=1)
    reference: Optional[str] = None


def create_shipment(data: ShipmentIn, engine: Engine):
    with engine.begin() as conn:
        shipment_id = conn.execute(
            text(
                "INSERT INTO shipments (order_id, carrier, weight_grams, reference, status) "
                "VALUES (:order_id, :carrier, :weight, :reference, 'created') RETURNING id"
            ),
            {
                "order_id": data.order_id,
                "carrier": data.carrier,
                "weight": data.weight_grams,
                "reference": data.reference,
            },
        ).scalar_one()
    STREAM.add({"shipment_id": shipment_id})
    return HTTP_201, {"id": shipment_id, "status": "created"}


def get_shipment(shipment_id: int, engine: Engine) -> dict:
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT id, order_id, carrier, status, tracking_no FROM shipments WHERE id = :id"),
            {"id": shipment_id},
        ).mappings().first()
    if row is None:
        raise HTTPError(HTTP_404, {"error": f"shipment {shipment_id} not found"})
    return dict(row)


def list_for_order(order_id: str, engine: Engine) -> dict:
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT id, carrier, status, tracking_no FROM shipments WHERE order_id = :o ORDER BY id"),
            {"o": order_id},
        ).mappings().all()
    return {"order_id": order_id, "shipments": [dict(r) for r in rows]}


def healthz(engine: Engine) -> dict:
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    return {"ok": True}


app = App(
    components=[EngineComponent()],
    routes=[
        Include("/v1/shipments", [
            Route("", create_shipment, method="POST"),
            Route("/{shipment_id}", get_shipment),
        ]),
        Route("/v1/orders/{order_id}/shipments", list_for_order),
        Route("/healthz", healthz),
    ],
)
