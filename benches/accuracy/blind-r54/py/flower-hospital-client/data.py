"""Loads the local hospital's de-identified admissions from its EHR replica."""
import numpy as np
import pandas as pd
from sqlalchemy import create_engine, text

FEATURES = [
    "age",
    "length_of_stay",
    "num_prior_admissions",
    "num_medications",
    "charlson_index",
    "discharged_to_home",
]
LABEL = "readmitted_30d"

QUERY = text(
    """
    SELECT age, length_of_stay, num_prior_admissions, num_medications,
           charlson_index, discharged_to_home::int AS discharged_to_home,
           readmitted_30d::int AS readmitted_30d
    FROM fl_export.admissions
    WHERE discharge_date >= now() - interval '3 years'
    """
)


def make_engine(db_url: str):
    """Engine for the hospital's read replica."""
    return create_engine(db_url, pool_size=5, max_overflow=0, pool_pre_ping=True)


def load_admissions(engine, val_fraction: float = 0.2, seed: int = 42):
    with engine.connect() as conn:
        df = pd.read_sql(QUERY, conn)
    df = df.dropna()
    x = df[FEATURES].to_numpy(dtype=np.float64)
    y = df[LABEL].to_numpy(dtype=np.int64)

    rng = np.random.default_rng(seed)
    idx = rng.permutation(len(df))
    split = int(len(df) * (1 - val_fraction))
    train, val = idx[:split], idx[split:]
    return (x[train], y[train]), (x[val], y[val])
