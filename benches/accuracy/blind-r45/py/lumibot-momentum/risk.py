"""Exposure limits, read from the journal database."""
import os

from sqlalchemy import create_engine, text

risk_engine = create_engine(
    os.environ.get("JOURNAL_URL", "postgresql+psycopg2://trader:trader@journal-db:5432/journal"),
    pool_pre_ping=True,
)


def max_positions(strategy_name, default=2):
    with risk_engine.connect() as conn:
        value = conn.execute(
            text("SELECT max_positions FROM risk_limits WHERE strategy = :s"),
            {"s": strategy_name},
        ).scalar()
    return int(value) if value is not None else default


def is_halted(symbol):
    with risk_engine.connect() as conn:
        return bool(conn.execute(
            text("SELECT 1 FROM halted_symbols WHERE symbol = :s AND until > now()"),
            {"s": symbol},
        ).first())
