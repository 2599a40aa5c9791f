import os
from datetime import datetime, timezone

import redis
from sqlalchemy import DateTime, Float, String, event
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

REDIS_URL = os.environ.get("REDIS_URL", "redis://redis.lan:6379/0")


class Base(DeclarativeBase):
    pass


class Shipment(Base):
    __tablename__ = "shipments"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    vat_number: Mapped[str] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(String(300))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(20), default="created")
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=lambda: datetime.now(timezone.utc)
    )


@event.listens_for(Shipment, "after_insert")
def announce_shipment(mapper, connection, target):
    bus = redis.Redis.from_url(REDIS_URL)
    bus.xadd("shipments:created", {"id": target.id, "reference": target.reference})


@event.listens_for(Shipment, "after_update")
def audit_status(mapper, connection, target):
    connection.exec_driver_sql(
        "INSERT INTO shipment_audit (shipment_id, status, ts) VALUES (%(id)s, %(status)s, now())",
        {"id": target.id, "status": target.status},
    )
