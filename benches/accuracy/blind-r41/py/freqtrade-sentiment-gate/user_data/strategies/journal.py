"""Trade journal shared by our strategies: one engine per bot process."""
import os
from datetime import datetime

from sqlalchemy import create_engine, text

JOURNAL_URL = os.environ.get(
    "JOURNAL_DATABASE_URL", "postgresql+psycopg://trader:trader@journal-db:5432/journal"
)

engine = create_engine(JOURNAL_URL, pool_size=3, max_overflow=2, pool_pre_ping=True)


def record_exit(pair: str, reason: str, rate: float, profit_ratio: float, at: datetime) -> None:
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO exits (pair, reason, rate, profit_ratio, exited_at) "
                "VALUES (:pair, :reason, :rate, :profit, :at)"
            ),
            {"pair": pair, "reason": reason, "rate": rate, "profit": profit_ratio, "at": at},
        )
