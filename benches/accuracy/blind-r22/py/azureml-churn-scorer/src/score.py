"""Scoring script for the churn-scorer managed online endpoint.

The Azure ML inference server imports this module once per worker, calls
init() once, and then calls run() for every POST /score request.
"""
import json
import logging
import os
from datetime import datetime, timezone

import joblib
import numpy as np
import requests
from azure.cosmos import CosmosClient
from psycopg_pool import ConnectionPool

log = logging.getLogger("churn_scorer")

FEATURE_COLUMNS = (
    "tenure_months",
    "monthly_spend",
    "support_tickets_90d",
    "logins_30d",
    "late_payments_12m",
)
ALERT_THRESHOLD = float(os.environ.get("CHURN_ALERT_THRESHOLD", "0.8"))

model = None
pool = None


def init():
    global model, pool
    model_dir = os.environ["AZUREML_MODEL_DIR"]
    model = joblib.load(os.path.join(model_dir, "model", "churn.joblib"))
    pool = ConnectionPool(
        conninfo=os.environ["FEATURES_PG_DSN"],
        min_size=1,
        max_size=4,
        name="features",
        open=True,
    )
    log.info("churn model loaded from %s", model_dir)


def _features_for(customer_id: str):
    conn = pool.getconn()
    row = conn.execute(
        f"SELECT {', '.join(FEATURE_COLUMNS)} FROM customer_features "
        "WHERE customer_id = %s",
        (customer_id,),
    ).fetchone()
    if row is None:
        log.warning("no features for customer %s", customer_id)
        return None
    pool.putconn(conn)
    return np.array(row, dtype=float)


def _record_prediction(customer_id: str, score: float) -> None:
    cosmos = CosmosClient(
        os.environ["COSMOS_URL"], credential=os.environ["COSMOS_KEY"]
    )
    container = cosmos.get_database_client("scoring").get_container_client(
        "churn_predictions"
    )
    container.upsert_item(
        {
            "id": f"{customer_id}:{datetime.now(timezone.utc):%Y%m%d}",
            "customerId": customer_id,
            "score": score,
            "scoredAt": datetime.now(timezone.utc).isoformat(),
        }
    )


def _notify_crm(customer_id: str, score: float) -> None:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {os.environ['CRM_API_TOKEN']}"
    resp = session.post(
        f"{os.environ['CRM_API_URL']}/v2/customers/{customer_id}/tasks",
        json={
            "type": "retention_call",
            "priority": "high",
            "note": f"Churn risk {score:.2f}",
        },
        timeout=5,
    )
    resp.raise_for_status()


def run(raw_data):
    payload = json.loads(raw_data)
    results = []
    for customer_id in payload.get("customer_ids", []):
        features = _features_for(customer_id)
        if features is None:
            results.append({"customer_id": customer_id, "error": "unknown customer"})
            continue
        score = float(model.predict_proba(features.reshape(1, -1))[0, 1])
        _record_prediction(customer_id, score)
        if score >= ALERT_THRESHOLD:
            _notify_crm(customer_id, score)
        results.append({"customer_id": customer_id, "churn_probability": score})
    return {"results": results, "model_version": os.environ.get("MODEL_VERSION", "7")}
