"""Postgres side of the dock board: loading records live in the WMS database."""
import os
from datetime import date, datetime

from sqlalchemy import Date, DateTime, Integer, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

WMS_DATABASE_URL = os.environ.get(
    "WMS_DATABASE_URL", "postgresql+psycopg2://dockboard@wms-db.dc1.local/wms"
)

engine = create_engine(WMS_DATABASE_URL, pool_size=2, max_overflow=0, pool_pre_ping=True)
SessionLocal = sessionmaker(engine, expire_on_commit=False)


class Base(DeclarativeBase):
    pass


class Loading(Base):
    __tablename__ = "dock_loadings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dock: Mapped[str] = mapped_column(String(8))
    shipment_ref: Mapped[str] = mapped_column(String(32))
    pallets: Mapped[int] = mapped_column(Integer)
    loaded_on: Mapped[date] = mapped_column(Date)
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    loaded_by: Mapped[str] = mapped_column(String(64))


def loadings_for(session, dock: str, day: date):
    stmt = (
        select(Loading)
        .where(Loading.dock == dock, Loading.loaded_on == day)
        .order_by(Loading.loaded_at)
    )
    return session.scalars(stmt).all()
