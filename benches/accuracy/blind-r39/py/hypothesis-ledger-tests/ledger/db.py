from sqlalchemy import BigInteger, Column, ForeignKey, Integer, MetaData, String, Table, create_engine
from sqlalchemy.engine import Engine

metadata = MetaData()

accounts = Table(
    "accounts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("owner", String(64), nullable=False),
)

entries = Table(
    "entries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("account_id", ForeignKey("accounts.id"), nullable=False),
    Column("amount_cents", BigInteger, nullable=False),
    Column("ref", String(64), nullable=False),
)


def make_engine(url: str) -> Engine:
    return create_engine(url, pool_size=5, max_overflow=0, pool_pre_ping=True)
