"""Feature extraction for the churn model (reads the analytics warehouse)."""
import os

import pandas as pd
from sqlalchemy import create_engine, text

WAREHOUSE_URL = os.environ.get(
    "WAREHOUSE_URL", "postgresql+psycopg2://ml_ro@warehouse.internal:5432/analytics"
)

FEATURE_SQL = text(
    """
    SELECT c.customer_id,
           c.plan_tier,
           COUNT(e.event_id)                         AS events,
           COUNT(DISTINCT date_trunc('day', e.ts))   AS active_days,
           COALESCE(SUM(i.amount_cents), 0) / 100.0  AS billed,
           MAX(c.churned_at IS NOT NULL)::int        AS churned
      FROM customers c
      LEFT JOIN events e   ON e.customer_id = c.customer_id
                          AND e.ts > now() - make_interval(days => :lookback)
      LEFT JOIN invoices i ON i.customer_id = c.customer_id
                          AND i.issued_at > now() - make_interval(days => :lookback)
     GROUP BY c.customer_id, c.plan_tier
    """
)


def load_features(lookback_days: int) -> pd.DataFrame:
    engine = create_engine(WAREHOUSE_URL, pool_size=4, pool_pre_ping=True)
    with engine.connect() as conn:
        frame = pd.read_sql(FEATURE_SQL, conn, params={"lookback": lookback_days})
    frame = pd.get_dummies(frame, columns=["plan_tier"], prefix="tier")
    return frame


def split_xy(frame: pd.DataFrame):
    y = frame.pop("churned")
    frame = frame.drop(columns=["customer_id"])
    return frame, y
