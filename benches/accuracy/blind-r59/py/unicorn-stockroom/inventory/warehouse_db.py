"""SQLAlchemy access to the WMS (warehouse management) Postgres database.

Django's own DB holds users and sessions; stock lives in the WMS, which we
query through SQLAlchemy Core.
"""
from django.conf import settings
from sqlalchemy import Column, DateTime, Integer, MetaData, Numeric, String, Table, create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine(
    settings.WMS_DATABASE_URL,
    pool_size=5,
    max_overflow=5,
    pool_pre_ping=True,
    connect_args={"application_name": "stockroom-web"},
)
SessionLocal = sessionmaker(bind=engine, expire_on_commit=False)

metadata = MetaData(schema="wms")

stock_levels = Table(
    "stock_levels",
    metadata,
    Column("sku", String(32), primary_key=True),
    Column("description", String(200)),
    Column("bin_location", String(16)),
    Column("on_hand", Integer),
    Column("reorder_point", Integer),
    Column("updated_at", DateTime(timezone=True)),
)

purchase_orders = Table(
    "purchase_orders",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sku", String(32)),
    Column("quantity", Integer),
    Column("unit_cost", Numeric(10, 2)),
    Column("requested_by", String(150)),
    Column("created_at", DateTime(timezone=True)),
)
