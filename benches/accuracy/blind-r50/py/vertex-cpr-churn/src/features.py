"""Feature definitions and the warehouse engine shared by the predictor."""
import os

from sqlalchemy import create_engine

FEATURE_COLUMNS = [
    "days_since_last_login",
    "sessions_30d",
    "seats_used_ratio",
    "tickets_open",
    "invoices_overdue",
]

ENGINE = create_engine(
    os.environ.get(
        "FEATURE_DB_URL", "postgresql+psycopg2://predictor@features-db.internal/features"
    ),
    pool_size=5,
    max_overflow=5,
    pool_pre_ping=True,
)
