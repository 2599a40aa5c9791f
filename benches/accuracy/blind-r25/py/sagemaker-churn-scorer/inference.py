"""SageMaker inference handlers for the churn model (scikit-learn container)."""

import json
import os
from datetime import datetime, timezone

import boto3
import joblib
from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker

from features import FEATURE_COLUMNS, get_feature_engine, load_features

MODEL_NAME = os.environ.get("MODEL_NAME", "churn-gbm")
AUDIT_DB_URL = os.environ.get(
    "AUDIT_DB_URL",
    "postgresql+psycopg2://scorer@ml-audit.internal:5432/ml",
)
SCORES_TABLE = os.environ.get("SCORES_TABLE", "churn-scores")

s3 = boto3.client("s3")


def model_fn(model_dir):
    """Called once per model server worker."""
    model = joblib.load(os.path.join(model_dir, "model.joblib"))
    engine = create_engine(AUDIT_DB_URL, pool_size=2, max_overflow=0, pool_pre_ping=True)
    return {"model": model, "Session": sessionmaker(bind=engine)}


def input_fn(request_body, request_content_type):
    if request_content_type != "application/json":
        raise ValueError(f"unsupported content type {request_content_type}")
    payload = json.loads(request_body)
    customer_ids = payload["customer_ids"]
    engine = get_feature_engine()
    frame = load_features(engine, customer_ids)
    return {"request_id": payload.get("request_id"), "frame": frame}


def predict_fn(input_data, model_bundle):
    frame = input_data["frame"]
    scores = model_bundle["model"].predict_proba(frame[FEATURE_COLUMNS])[:, 1]

    session = model_bundle["Session"]()
    threshold = session.execute(
        text("SELECT threshold FROM model_thresholds WHERE model = :m"),
        {"m": MODEL_NAME},
    ).scalar_one()

    scored_at = datetime.now(timezone.utc).isoformat()
    table = boto3.resource("dynamodb").Table(SCORES_TABLE)
    with table.batch_writer() as batch:
        for customer_id, score in zip(frame["customer_id"], scores):
            batch.put_item(
                Item={
                    "customer_id": str(customer_id),
                    "model": MODEL_NAME,
                    "score": str(round(float(score), 4)),
                    "scored_at": scored_at,
                }
            )

    return {
        "request_id": input_data["request_id"],
        "threshold": float(threshold),
        "results": [
            {"customer_id": str(c), "score": float(s), "at_risk": bool(s >= threshold)}
            for c, s in zip(frame["customer_id"], scores)
        ],
    }


def output_fn(prediction, accept):
    if accept not in ("application/json", "*/*"):
        raise ValueError(f"unsupported accept type {accept}")
    if prediction["request_id"]:
        s3.put_object(
            Bucket=os.environ.get("SCORING_LOG_BUCKET", "ml-scoring-logs"),
            Key=f"{MODEL_NAME}/{prediction['request_id']}.json",
            Body=json.dumps(prediction).encode(),
        )
    return json.dumps(prediction), "application/json"
