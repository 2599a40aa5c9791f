"""MLServer custom runtime for the card fraud model.

load() runs once per model instance (per parallel worker), predict() per
inference request; the pool and HTTP client are built in load() and released
in unload().
"""

import json
import os

import asyncpg
import httpx
import joblib
from mlserver import MLModel
from mlserver.codecs import StringCodec
from mlserver.types import InferenceRequest, InferenceResponse, ResponseOutput
from mlserver.utils import get_model_uri

from features import build_matrix, record_decisions

# Payments DB via PgBouncer in transaction mode: prepared statements disabled.
PAYMENTS_DSN = os.environ.get(
    "PAYMENTS_DSN", "postgresql://fraud@pgbouncer.payments.internal:6543/payments"
)
CASE_API = os.environ.get("CASE_API", "https://cases.risk.internal")
REVIEW_THRESHOLD = float(os.environ.get("REVIEW_THRESHOLD", "0.85"))


class FraudScorer(MLModel):
    async def load(self) -> bool:
        model_uri = await get_model_uri(self._settings)
        self._model = joblib.load(model_uri)
        self._version = self._settings.parameters.version
        self._pool = await asyncpg.create_pool(
            PAYMENTS_DSN,
            min_size=1,
            max_size=4,
            statement_cache_size=0,
        )
        self._cases = httpx.AsyncClient(
            base_url=CASE_API,
            timeout=httpx.Timeout(3.0),
            headers={"Authorization": f"Bearer {os.environ.get('CASE_API_TOKEN', '')}"},
        )
        return True

    async def predict(self, payload: InferenceRequest) -> InferenceResponse:
        raw = StringCodec.decode_input(payload.inputs[0])
        transactions = [json.loads(item) for item in raw]

        async with self._pool.acquire() as conn:
            matrix = await build_matrix(conn, transactions)
            scores = self._model.predict_proba(matrix)[:, 1]
            async with conn.transaction():
                await record_decisions(conn, transactions, scores, self._version)

        flagged = [tx for tx, s in zip(transactions, scores) if s >= REVIEW_THRESHOLD]
        for tx in flagged:
            await self._cases.post("/api/cases", json={"tx_id": tx["tx_id"], "source": "fraud-scorer"})

        return InferenceResponse(
            model_name=self.name,
            model_version=self.version,
            outputs=[
                ResponseOutput(
                    name="fraud_score",
                    shape=[len(scores)],
                    datatype="FP64",
                    data=[float(s) for s in scores],
                )
            ],
        )

    async def unload(self) -> bool:
        await self._cases.aclose()
        await self._pool.close()
        return True
