"""Shared database objects for the energy apps (AppDaemon runs all apps in one process)."""
import os
from datetime import datetime

from sqlalchemy import DateTime, Float, String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

DB_URL = os.environ.get("ENERGY_DB_URL", "postgresql+psycopg2://energy:energy@192.168.1.20:5432/energy")

engine = create_engine(DB_URL, pool_size=10, max_overflow=-1, pool_pre_ping=True)


class Base(DeclarativeBase):
    pass


class PowerReading(Base):
    __tablename__ = "power_readings"

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(120))
    watts: Mapped[float] = mapped_column(Float)
    taken_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class TariffSlot(Base):
    __tablename__ = "tariff_slots"

    id: Mapped[int] = mapped_column(primary_key=True)
    valid_from: Mapped[datetime] = mapped_column(DateTime(timezone=True), unique=True)
    pence_per_kwh: Mapped[float] = mapped_column(Float)
