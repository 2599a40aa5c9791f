"""Feature loading for the dynamic-pricing model."""
import os

import pandas as pd
from sqlalchemy import create_engine, text

WAREHOUSE_URL = os.environ.get(
    "WAREHOUSE_URL", "postgresql+psycopg2://ml:ml@warehouse.internal:5432/pricing"
)

# Shared by every trial; n_jobs=16 in tune.py so "give it plenty of headroom".
warehouse = create_engine(
    WAREHOUSE_URL,
    pool_size=40,
    max_overflow=20,
    pool_pre_ping=True,
)

FEATURES_SQL = text(
    """
    SELECT sku, store_id, week, price, competitor_price, promo, stock_level,
           units_sold
      FROM pricing_features
     WHERE week BETWEEN :start AND :end
       AND category = :category
    """
)


def load_window(category, start_week, end_week):
    conn = warehouse.connect()
    df = pd.read_sql(
        FEATURES_SQL,
        conn,
        params={"category": category, "start": start_week, "end": end_week},
    )
    df["price_gap"] = df["price"] - df["competitor_price"]
    return df


def save_best(study_name, params, score):
    with warehouse.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO tuning_results (study, params, score) "
                "VALUES (:study, CAST(:params AS jsonb), :score)"
            ),
            {"study": study_name, "params": pd.Series(params).to_json(), "score": score},
        )
