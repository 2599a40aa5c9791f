"""Engine factory and tables. make_engine() is called once, from main()."""
from __future__ import annotations

import os
from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Float, String, create_engine, func
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Reading(Base):
    __tablename__ = "readings"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(String(64), index=True)
    metric: Mapped[str] = mapped_column(String(32))
    value: Mapped[float] = mapped_column(Float)
    measured_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class DeviceState(Base):
    __tablename__ = "device_state"

    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    alarm: Mapped[bool] = mapped_column(default=False)


def make_engine() -> Engine:
    return create_engine(
        os.environ.get(
            "TELEMETRY_DATABASE_URL",
            "postgresql+psycopg2://telemetry:telemetry@pg.internal:5432/telemetry",
        ),
        pool_size=4,
        max_overflow=2,
        pool_pre_ping=True,
    )
