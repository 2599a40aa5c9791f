import os

from sqlalchemy import DateTime, String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

engine = create_engine(
    os.environ.get("PARCELS_DB_URL", "postgresql+psycopg2://parcels@localhost/parcels"),
    pool_size=5,
    max_overflow=5,
    pool_pre_ping=True,
)


class Base(DeclarativeBase):
    pass


class Parcel(Base):
    __tablename__ = "parcels"

    code: Mapped[str] = mapped_column(String(24), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), default="in_transit")
    depot: Mapped[str] = mapped_column(String(8))
    signed_by: Mapped[str | None] = mapped_column(String(120), nullable=True)
    delivered_at = mapped_column(DateTime(timezone=True), nullable=True)
