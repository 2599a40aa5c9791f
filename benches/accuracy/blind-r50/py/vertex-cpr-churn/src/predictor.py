"""Custom Prediction Routine for the churn model.

The CPR model server instantiates ChurnPredictor once, calls load() once at
container start, then preprocess -> predict -> postprocess for every
/predict request sent to the Vertex AI endpoint.
"""
import os

import joblib
import numpy as np
import redis
from google.cloud.aiplatform.prediction.predictor import Predictor
from google.cloud.aiplatform.utils import prediction_utils
from sqlalchemy import text

from features import ENGINE, FEATURE_COLUMNS

FEATURE_SQL = text(
    "SELECT " + ", ".join(FEATURE_COLUMNS) + " FROM account_features WHERE account_id = :id"
)


class ChurnPredictor(Predictor):
    def __init__(self):
        return

    def load(self, artifacts_uri: str) -> None:
        prediction_utils.download_model_artifacts(artifacts_uri)
        self._model = joblib.load("model.joblib")
        self._threshold = float(os.environ.get("CHURN_THRESHOLD", "0.6"))

    def preprocess(self, prediction_input: dict) -> np.ndarray:
        account_ids = [inst["account_id"] for inst in prediction_input["instances"]]
        cache = redis.Redis(
            host=os.environ.get("FEATURE_REDIS_HOST", "10.20.0.5"), port=6379, db=2
        )
        rows = []
        for account_id in account_ids:
            cached = cache.hmget(f"churn:features:{account_id}", FEATURE_COLUMNS)
            if all(value is not None for value in cached):
                rows.append([float(value) for value in cached])
            else:
                rows.append(self._from_warehouse(account_id))
        return np.asarray(rows, dtype=float)

    def _from_warehouse(self, account_id: str) -> list:
        conn = ENGINE.connect()
        row = conn.execute(FEATURE_SQL, {"id": account_id}).one_or_none()
        if row is None:
            return [0.0] * len(FEATURE_COLUMNS)
        return [float(value or 0) for value in row]

    def predict(self, instances: np.ndarray) -> np.ndarray:
        return self._model.predict_proba(instances)[:, 1]

    def postprocess(self, prediction_results: np.ndarray) -> dict:
        return {
            "predictions": [
                {"churn_probability": float(p), "at_risk": bool(p >= self._threshold)}
                for p in prediction_results
            ]
        }
