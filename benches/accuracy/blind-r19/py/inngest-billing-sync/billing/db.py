import os

from sqlalchemy import JSON, Column, DateTime, Integer, Numeric, String, create_engine, func
from sqlalchemy.orm import DeclarativeBase, sessionmaker

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql+psycopg://billing:billing@pg:5432/billing")

# Postgres runs with max_connections=100 and gunicorn starts 4 workers.
engine = create_engine(DATABASE_URL, pool_size=30, max_overflow=20, pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine, expire_on_commit=False)


class Base(DeclarativeBase):
    pass


class Invoice(Base):
    __tablename__ = "invoices"

    id = Column(Integer, primary_key=True)
    stripe_id = Column(String, unique=True, nullable=False)
    customer_id = Column(String, nullable=False)
    amount_due = Column(Numeric(12, 2), nullable=False)
    currency = Column(String(3), nullable=False)
    status = Column(String, nullable=False)
    raw = Column(JSON)
    synced_at = Column(DateTime(timezone=True), server_default=func.now())
