import json

import joblib
import mlflow.pyfunc
import pandas as pd

from . import audit, clients

FEATURE_COLUMNS = ["tenure_days", "monthly_spend", "tickets_90d", "dropped_calls_30d", "plan_tier"]


class ChurnModel(mlflow.pyfunc.PythonModel):
    """Served with `mlflow models serve`; predict() runs for every /invocations call."""

    def load_context(self, context):
        self._clf = joblib.load(context.artifacts["classifier"])
        with open(context.artifacts["meta"]) as fh:
            self._meta = json.load(fh)
        self._s3 = clients.s3()

    def _live_features(self, subscriber_ids):
        cache = clients.feature_cache()
        hits = cache.mget([f"churn:feat:{sid}" for sid in subscriber_ids])
        cached = {sid: json.loads(h) for sid, h in zip(subscriber_ids, hits) if h}
        missing = [sid for sid in subscriber_ids if sid not in cached]
        if missing:
            with clients.feature_db() as conn:
                cur = conn.execute(
                    "SELECT subscriber_id, tenure_days, monthly_spend, tickets_90d, "
                    "dropped_calls_30d, plan_tier FROM subscriber_features WHERE subscriber_id = ANY(%s)",
                    (missing,),
                )
                for row in cur.fetchall():
                    cached[row[0]] = dict(zip(FEATURE_COLUMNS, row[1:]))
        return pd.DataFrame([cached[sid] for sid in subscriber_ids if sid in cached])

    def predict(self, context, model_input: pd.DataFrame, params=None):
        ids = model_input["subscriber_id"].astype(str).tolist()
        features = self._live_features(ids)
        scores = self._clf.predict_proba(features[FEATURE_COLUMNS])[:, 1].tolist()
        audit.record_batch(self._meta["version"], ids, scores)
        return pd.DataFrame({"subscriber_id": ids, "churn_probability": scores})
