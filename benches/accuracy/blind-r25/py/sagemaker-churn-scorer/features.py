"""Feature lookups for churn scoring (reads the analytics replica)."""

import os

import pandas as pd
from sqlalchemy import bindparam, create_engine, text

FEATURE_DB_URL = os.environ.get(
    "FEATURE_DB_URL",
    "postgresql+psycopg2://scorer@analytics-replica.internal:5432/analytics",
)

FEATURE_COLUMNS = [
    "tenure_days",
    "seats",
    "seats_active_30d",
    "tickets_90d",
    "invoices_overdue",
    "nps_last",
    "logins_7d",
]

_FEATURE_SQL = text(
    f"""
    SELECT customer_id, {", ".join(FEATURE_COLUMNS)}
      FROM churn_features_daily
     WHERE snapshot_date = current_date - 1
       AND customer_id IN :ids
    """
).bindparams(bindparam("ids", expanding=True))


def get_feature_engine():
    return create_engine(FEATURE_DB_URL, pool_pre_ping=True)


def load_features(engine, customer_ids):
    with engine.connect() as conn:
        frame = pd.read_sql(_FEATURE_SQL, conn, params={"ids": list(customer_ids)})
    missing = set(customer_ids) - set(frame["customer_id"])
    if missing:
        filler = pd.DataFrame({"customer_id": sorted(missing)})
        frame = pd.concat([frame, filler], ignore_index=True)
    return frame.fillna(0)
