"""Card-transaction fraud scoring service served with Mosec.

POST /inference {"merchant_id": 81, "card_hash": "...", "amount": 129.9, "country": "FR"}

Mosec starts `num` worker processes per stage; each Scorer process runs
__init__ once and then forward() once per dynamic batch of requests.
"""
import os

import numpy as np
import redis
from mosec import Server, Worker, get_logger
from mosec.errors import ValidationError
from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker

logger = get_logger()

RISK_SQL = text(
    "SELECT merchant_id, chargeback_rate, mcc_risk"
    " FROM merchant_risk WHERE merchant_id = ANY(:ids)"
)


class Preprocess(Worker):
    def forward(self, data: dict) -> dict:
        try:
            return {
                "merchant_id": int(data["merchant_id"]),
                "card_hash": str(data["card_hash"]),
                "amount": float(data["amount"]),
                "foreign": data.get("country", "DE") != "DE",
            }
        except (KeyError, TypeError, ValueError) as err:
            raise ValidationError(f"invalid transaction payload: {err}") from err


class Scorer(Worker):
    def __init__(self):
        super().__init__()
        self.engine = create_engine(
            os.environ["RISK_DB_URL"], pool_size=2, max_overflow=0, pool_pre_ping=True
        )
        self.Session = sessionmaker(self.engine)
        self.weights = np.load(os.environ.get("MODEL_WEIGHTS", "weights.npy"))
        logger.info("scorer %s ready", self.worker_id)

    def forward(self, batch: list[dict]) -> list[dict]:
        velocity = redis.Redis(host=os.environ.get("REDIS_HOST", "localhost"), port=6379, db=2)
        session = self.Session()
        ids = sorted({tx["merchant_id"] for tx in batch})
        risk = {
            row.merchant_id: (row.chargeback_rate, row.mcc_risk)
            for row in session.execute(RISK_SQL, {"ids": ids})
        }

        results = []
        for tx in batch:
            key = f"vel:{tx['card_hash']}"
            seen = velocity.incr(key)
            velocity.expire(key, 3600)
            chargebacks, mcc = risk.get(tx["merchant_id"], (0.0, 0.5))
            features = np.array(
                [tx["amount"] / 1000.0, float(seen), chargebacks, mcc, float(tx["foreign"])]
            )
            score = float(1.0 / (1.0 + np.exp(-features @ self.weights)))
            results.append({"score": round(score, 4), "review": score > 0.8})
        return results


if __name__ == "__main__":
    server = Server()
    server.append_worker(Preprocess, num=2)
    server.append_worker(Scorer, num=4, max_batch_size=32, max_wait_time=10)
    server.run()
