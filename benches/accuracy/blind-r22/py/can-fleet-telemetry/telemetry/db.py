"""Telemetry database: engine, session factory and ORM models."""
import os
from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Float, Integer, String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

DATABASE_URL = os.environ.get(
    "TELEMETRY_DATABASE_URL", "postgresql+psycopg2://telemetry:telemetry@localhost/fleet"
)

engine = create_engine(DATABASE_URL, pool_size=3, max_overflow=2, pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine, expire_on_commit=False)


class Base(DeclarativeBase):
    pass


class SpeedSample(Base):
    __tablename__ = "speed_samples"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    vehicle_id: Mapped[str] = mapped_column(String(32), index=True)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    speed_kmh: Mapped[float] = mapped_column(Float)
    rpm: Mapped[int] = mapped_column(Integer)


class FaultCode(Base):
    __tablename__ = "fault_codes"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    vehicle_id: Mapped[str] = mapped_column(String(32), index=True)
    spn: Mapped[int] = mapped_column(Integer)
    fmi: Mapped[int] = mapped_column(Integer)
    occurrences: Mapped[int] = mapped_column(Integer)
    seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
