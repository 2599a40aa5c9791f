"""Hamilton dataflow: each function is a node, parameters name upstream nodes.

The driver executes this graph once per scoring request.
"""
import os

import pandas as pd
import trino
from sqlalchemy.orm import Session

from scoring.clients import vector_client
from scoring.db import Customer, engine


def customer_profile(customer_id: str) -> dict:
    session = Session(engine)
    cust = session.get(Customer, customer_id)
    if cust is None:
        raise KeyError(customer_id)
    return {"id": cust.id, "country": cust.country, "segment": cust.segment, "kyc": cust.kyc_level}


def orders_frame(customer_id: str) -> pd.DataFrame:
    conn = trino.dbapi.connect(
        host=os.environ.get("TRINO_HOST", "trino"),
        port=8080,
        user="scoring",
        catalog="hive",
        schema="sales",
    )
    cur = conn.cursor()
    cur.execute(
        "SELECT order_id, amount, currency, created_at FROM orders "
        "WHERE customer_id = ? AND created_at > current_date - INTERVAL '90' DAY",
        (customer_id,),
    )
    return pd.DataFrame(cur.fetchall(), columns=["order_id", "amount", "currency", "created_at"])


def spend_90d(orders_frame: pd.DataFrame) -> float:
    return float(orders_frame["amount"].sum())


def order_velocity(orders_frame: pd.DataFrame) -> float:
    if orders_frame.empty:
        return 0.0
    days = max((orders_frame["created_at"].max() - orders_frame["created_at"].min()).days, 1)
    return len(orders_frame) / days


def similar_fraud_cases(customer_profile: dict, spend_90d: float) -> list:
    chroma = vector_client()
    cases = chroma.get_collection("fraud_cases")
    res = cases.query(
        query_texts=[f"{customer_profile['country']} {customer_profile['segment']} spend {spend_90d:.0f}"],
        n_results=5,
    )
    return res["distances"][0]


def risk_score(customer_profile: dict, spend_90d: float, order_velocity: float, similar_fraud_cases: list) -> float:
    base = 0.2 if customer_profile["kyc"] >= 2 else 0.5
    closeness = sum(1.0 - d for d in similar_fraud_cases) / max(len(similar_fraud_cases), 1)
    return round(min(1.0, base + 0.3 * closeness + 0.02 * order_velocity + spend_90d / 1_000_000), 4)
