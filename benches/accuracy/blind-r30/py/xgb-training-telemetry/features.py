"""Feature loading for the churn model. Partitions are read in parallel."""
import os
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
from sqlalchemy import create_engine, text

FEATURE_DB_URL = os.environ.get(
    "FEATURE_DB_URL", "postgresql+psycopg2://ml:ml@warehouse.internal:5432/features"
)

engine = create_engine(FEATURE_DB_URL, pool_size=32, max_overflow=32, pool_pre_ping=True)

PARTITIONS = [f"2024_{m:02d}" for m in range(1, 13)]


def _load_partition(part: str) -> pd.DataFrame:
    with engine.connect() as conn:
        return pd.read_sql(text(f"SELECT * FROM churn_features_{part}"), conn)


def load_features() -> pd.DataFrame:
    with ThreadPoolExecutor(max_workers=len(PARTITIONS)) as pool:
        frames = list(pool.map(_load_partition, PARTITIONS))
    return pd.concat(frames, ignore_index=True)
