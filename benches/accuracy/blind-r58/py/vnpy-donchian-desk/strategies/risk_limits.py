"""Per-strategy risk limits maintained by the risk team in the desk database."""

import os

from sqlalchemy import create_engine, text

_engine = create_engine(
    os.environ.get("DESK_DB_URL", "postgresql+psycopg2://desk:desk@10.0.3.20/desk"),
    pool_size=2,
    pool_pre_ping=True,
)

DEFAULT_DAILY_LOSS = 20000.0


def daily_loss_limit(strategy_name: str) -> float:
    with _engine.connect() as conn:
        row = conn.execute(
            text("SELECT max_daily_loss FROM cta_risk_limits WHERE strategy = :s"),
            {"s": strategy_name},
        ).first()
    return float(row[0]) if row else DEFAULT_DAILY_LOSS


def max_position(strategy_name: str, default: int = 5) -> int:
    with _engine.connect() as conn:
        row = conn.execute(
            text("SELECT max_position FROM cta_risk_limits WHERE strategy = :s"),
            {"s": strategy_name},
        ).first()
    return int(row[0]) if row and row[0] is not None else default


def record_breach(strategy_name: str, reason: str) -> None:
    with _engine.begin() as conn:
        conn.execute(
            text("INSERT INTO cta_risk_breaches (strategy, reason) VALUES (:s, :r)"),
            {"s": strategy_name, "r": reason},
        )
