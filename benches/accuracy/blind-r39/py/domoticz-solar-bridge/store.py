"""Persistence helpers for the solar bridge plugin."""
from datetime import datetime, timezone

import pymysql
from sqlalchemy import DateTime, Float, Integer, String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

engine = None


class Base(DeclarativeBase):
    pass


class Reading(Base):
    __tablename__ = "inverter_readings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    taken_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    power_w: Mapped[float] = mapped_column(Float)
    energy_today_wh: Mapped[float] = mapped_column(Float)
    grid_state: Mapped[str] = mapped_column(String(16))


def init(url):
    """Called once from onStart."""
    global engine
    if engine is None:
        engine = create_engine(url, pool_size=2, max_overflow=0, pool_recycle=3600)
        Base.metadata.create_all(engine)
    return engine


def shutdown():
    global engine
    if engine is not None:
        engine.dispose()
        engine = None


def audit_connection(host, user, password, database="domoticz_audit"):
    return pymysql.connect(
        host=host,
        user=user,
        password=password,
        database=database,
        connect_timeout=5,
        autocommit=True,
    )


def new_reading(power_w, energy_wh, grid_state):
    return Reading(
        taken_at=datetime.now(timezone.utc),
        power_w=power_w,
        energy_today_wh=energy_wh,
        grid_state=grid_state,
    )
