"""XGBoost callback that streams per-round metrics to the team dashboard
(Redis pub/sub) and to the experiment table."""
import json
import os

import redis
import xgboost as xgb
from sqlalchemy import text

from features import engine

REDIS_HOST = os.environ.get("DASHBOARD_REDIS_HOST", "redis.internal")


class TelemetryCallback(xgb.callback.TrainingCallback):
    def __init__(self, run_id: str, every: int = 1):
        super().__init__()
        self.run_id = run_id
        self.every = every

    def before_training(self, model):
        with engine.begin() as conn:
            conn.execute(
                text("INSERT INTO experiment_run (run_id, status) VALUES (:r, 'running')"),
                {"r": self.run_id},
            )
        return model

    def after_iteration(self, model, epoch: int, evals_log) -> bool:
        if epoch % self.every:
            return False
        metrics = {
            f"{data}-{name}": float(values[-1])
            for data, by_metric in evals_log.items()
            for name, values in by_metric.items()
        }
        dash = redis.Redis(host=REDIS_HOST, port=6379, db=0)
        dash.publish(f"training:{self.run_id}", json.dumps({"round": epoch, **metrics}))

        conn = engine.connect()
        conn.execute(
            text(
                "INSERT INTO experiment_metric (run_id, round, metrics) "
                "VALUES (:r, :e, CAST(:m AS jsonb))"
            ),
            {"r": self.run_id, "e": epoch, "m": json.dumps(metrics)},
        )
        conn.commit()
        return False

    def after_training(self, model):
        with engine.begin() as conn:
            conn.execute(
                text("UPDATE experiment_run SET status = 'done' WHERE run_id = :r"),
                {"r": self.run_id},
            )
        return model
