"""Feature loading for the churn model (called once per training run)."""
import numpy as np
import pandas as pd
from sqlalchemy import create_engine

FEATURES = [
    "tenure_days",
    "orders_90d",
    "avg_basket",
    "support_tickets_90d",
    "days_since_last_order",
]


def load_frames(warehouse_url: str, snapshot: str):
    # One-off read for this process; engine is disposed before training starts.
    engine = create_engine(warehouse_url)
    try:
        df = pd.read_sql(
            "SELECT * FROM ml.churn_features WHERE snapshot = %(s)s",
            engine,
            params={"s": snapshot},
        )
    finally:
        engine.dispose()

    df = df.sample(frac=1.0, random_state=7)
    split = int(len(df) * 0.85)
    x = df[FEATURES].to_numpy(dtype=np.float32)
    y = df["churned"].to_numpy(dtype=np.float32)
    return (x[:split], y[:split]), (x[split:], y[split:])
