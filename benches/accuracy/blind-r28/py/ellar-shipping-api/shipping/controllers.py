"""HTTP controllers for the shipping service."""
import os
from datetime import date, timedelta

import httpx
from ellar.common import Controller, ControllerBase, get, post, put
from ellar.common.exceptions import NotFound
from pydantic import BaseModel, Field

from shipping import db, reports

RATES_API = os.environ.get("CARRIER_RATES_API", "https://rates.carrier-hub.example/v1")
RATES_KEY = os.environ.get("CARRIER_RATES_KEY", "")


class ShipmentIn(BaseModel):
    order_ref: str
    carrier: str
    service: str = "standard"
    weight_grams: int = Field(gt=0)
    dest_postcode: str
    dest_country: str = Field(min_length=2, max_length=2)


class StatusIn(BaseModel):
    status: str


async def _quote(payload: ShipmentIn) -> int:
    async with httpx.AsyncClient(
        base_url=RATES_API,
        headers={"Authorization": f"Bearer {RATES_KEY}"},
        timeout=httpx.Timeout(4.0),
    ) as carrier_hub:
        resp = await carrier_hub.post(
            "/quotes",
            json={
                "carrier": payload.carrier,
                "service": payload.service,
                "weight_grams": payload.weight_grams,
                "destination": {"postcode": payload.dest_postcode, "country": payload.dest_country},
            },
        )
        resp.raise_for_status()
        return int(resp.json()["total_cents"])


@Controller("/shipments")
class ShipmentsController(ControllerBase):
    @get("/{shipment_id:int}")
    async def get_one(self, shipment_id: int):
        shipment = db.get_shipment(shipment_id)
        if shipment is None:
            raise NotFound(f"shipment {shipment_id} not found")
        return shipment

    @post("/")
    async def create(self, payload: ShipmentIn):
        quoted = await _quote(payload)
        shipment_id = db.create_shipment(
            payload.order_ref,
            payload.carrier,
            payload.service,
            payload.weight_grams,
            payload.dest_postcode,
            payload.dest_country.upper(),
            quoted,
        )
        return {"id": shipment_id, "quoted_cents": quoted}

    @put("/{shipment_id:int}/status")
    async def update_status(self, shipment_id: int, payload: StatusIn):
        if not db.set_status(shipment_id, payload.status):
            raise NotFound(f"shipment {shipment_id} not found")
        return {"id": shipment_id, "status": payload.status}


@Controller("/reports")
class ReportsController(ControllerBase):
    @get("/daily-volume")
    def daily_volume(self, days: int = 14):
        return reports.daily_volume(date.today() - timedelta(days=days))

    @get("/late")
    def late(self, limit: int = 100):
        return reports.late_shipments(limit)
