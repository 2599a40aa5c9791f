"""Billing database: one engine per worker process, sessions per job."""
import os
from datetime import datetime

from sqlalchemy import DateTime, Integer, Numeric, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

BILLING_URL = os.environ.get(
    "BILLING_DATABASE_URL", "postgresql+psycopg2://billing@billing-db:5432/billing"
)

engine = create_engine(BILLING_URL, pool_size=8, max_overflow=2, pool_pre_ping=True)
Session = sessionmaker(engine, expire_on_commit=False)


class Base(DeclarativeBase):
    pass


class Invoice(Base):
    __tablename__ = "invoices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tenant: Mapped[str] = mapped_column(String(40), index=True)
    customer_ref: Mapped[str] = mapped_column(String(80))
    amount: Mapped[float] = mapped_column(Numeric(12, 2))
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(16), default="open")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    charged_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


def due_invoice_ids(session, limit=500):
    stmt = (
        select(Invoice.id)
        .where(Invoice.status == "open", Invoice.attempts < 5)
        .order_by(Invoice.id)
        .limit(limit)
    )
    return list(session.scalars(stmt))
