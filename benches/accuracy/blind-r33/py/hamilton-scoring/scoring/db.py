import os

from sqlalchemy import String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

engine = create_engine(
    os.environ.get("CRM_URL", "postgresql+psycopg2://scoring@crm-db:5432/crm"),
    pool_size=5,
    pool_pre_ping=True,
)


class Base(DeclarativeBase):
    pass


class Customer(Base):
    __tablename__ = "customers"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    country: Mapped[str] = mapped_column(String(2))
    segment: Mapped[str] = mapped_column(String(20))
    kyc_level: Mapped[int]
