"""Append-only tracking checkpoints shown on the customer tracking page."""
import os

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

_engine = create_async_engine(os.environ["SHIPMENTS_DB_URL"], pool_size=3)

_INSERT = text(
    "INSERT INTO tracking_checkpoints (shipment_id, status, location, occurred_at)"
    " VALUES (:shipment_id, :status, :location, :occurred_at)"
)


async def append_checkpoint(event: dict) -> None:
    async with _engine.begin() as conn:
        await conn.execute(
            _INSERT,
            {
                "shipment_id": event["shipmentId"],
                "status": event["type"],
                "location": event.get("location"),
                "occurred_at": event["occurredAt"],
            },
        )


async def dispose() -> None:
    await _engine.dispose()
