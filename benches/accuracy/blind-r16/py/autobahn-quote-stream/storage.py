import os
from datetime import datetime, timezone

from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

engine = create_engine(
    os.environ.get("PG_URL", "postgresql+psycopg2://quotes:quotes@localhost/quotes"),
    pool_size=5,
    max_overflow=5,
    pool_pre_ping=True,
)


def record_subscription(client_id: str, symbol: str) -> None:
    with Session(engine) as session:
        session.execute(
            text("INSERT INTO subscriptions (client_id, symbol, created_at) VALUES (:c, :s, :t)"),
            {"c": client_id, "s": symbol, "t": datetime.now(timezone.utc)},
        )
        session.commit()


def last_close(symbol: str):
    session = Session(engine)
    row = session.execute(
        text("SELECT close FROM daily_bars WHERE symbol = :s ORDER BY day DESC LIMIT 1"),
        {"s": symbol},
    ).first()
    if row is None:
        return None
    session.close()
    return float(row.close)
