import json
import os
import tempfile
from typing import Dict

import numpy as np
import xgboost as xgb
from kserve import Model

MODEL_BUCKET = os.environ.get("MODEL_BUCKET", "ml-models")
MODEL_KEY = os.environ.get("MODEL_KEY", "fraud/xgb-2024-10.json")
FEATURES = ["amount", "merchant_risk", "txn_count_1h", "txn_count_24h", "distinct_devices_7d"]


class FraudScorer(Model):
    """Instantiated once by server.main(); predict() runs per request and only
    borrows from the clients it was given."""

    def __init__(self, name: str, pool, cache, s3):
        super().__init__(name)
        self.pool = pool
        self.cache = cache
        self.s3 = s3
        self.booster: xgb.Booster | None = None
        self.ready = False

    def load(self) -> bool:
        with tempfile.NamedTemporaryFile(suffix=".json") as fh:
            self.s3.download_fileobj(MODEL_BUCKET, MODEL_KEY, fh)
            fh.flush()
            self.booster = xgb.Booster()
            self.booster.load_model(fh.name)
        self.ready = True
        return self.ready

    def _features(self, account_id: str, amount: float, merchant_id: str) -> list[float]:
        with self.pool.connection() as conn:
            row = conn.execute(
                "SELECT m.risk, a.txn_count_1h, a.txn_count_24h, a.distinct_devices_7d "
                "FROM account_rollups a, merchants m WHERE a.account_id = %s AND m.id = %s",
                (account_id, merchant_id),
            ).fetchone()
        if row is None:
            return [amount, 0.5, 0, 0, 0]
        return [amount, *map(float, row)]

    async def preprocess(self, payload: Dict, headers: Dict[str, str] = None) -> Dict:
        rows = [
            self._features(i["account_id"], float(i["amount"]), i["merchant_id"])
            for i in payload["instances"]
        ]
        return {"ids": [i["txn_id"] for i in payload["instances"]], "rows": rows}

    async def predict(self, payload: Dict, headers: Dict[str, str] = None) -> Dict:
        matrix = xgb.DMatrix(np.asarray(payload["rows"], dtype=np.float32), feature_names=FEATURES)
        scores = self.booster.predict(matrix).tolist()
        return {"ids": payload["ids"], "scores": scores}

    async def postprocess(self, result: Dict, headers: Dict[str, str] = None) -> Dict:
        pipe = self.cache.pipeline(transaction=False)
        for txn_id, score in zip(result["ids"], result["scores"]):
            pipe.setex(f"fraud-score:{txn_id}", 3600, json.dumps({"score": score}))
        pipe.execute()
        return {"predictions": [{"txn_id": t, "score": s} for t, s in zip(result["ids"], result["scores"])]}
