import datetime as dt
import os

import boto3
import httpx
from pymongo import MongoClient
from transformers import TrainerCallback

MONGO_URL = os.environ.get("EXPERIMENTS_MONGO_URL", "mongodb://mongo.ml.internal:27017")
SLACK_WEBHOOK = os.environ.get("SLACK_WEBHOOK_URL")

metrics_client = MongoClient(MONGO_URL, appname="trainer-metrics")
metrics = metrics_client["experiments"]["metrics"]


class ExperimentSinkCallback(TrainerCallback):
    def __init__(self, run_id, run_name):
        self.run_id = run_id
        self.run_name = run_name

    def on_log(self, args, state, control, logs=None, **kwargs):
        """Called every `logging_steps` optimizer steps on every process."""
        if not state.is_world_process_zero or not logs:
            return
        metrics.insert_one(
            {
                "run_id": self.run_id,
                "step": state.global_step,
                "epoch": state.epoch,
                "logs": logs,
                "ts": dt.datetime.now(dt.timezone.utc),
            }
        )
        if "loss" in logs:
            cw = boto3.client("cloudwatch", region_name="us-east-1")
            cw.put_metric_data(
                Namespace="Training",
                MetricData=[
                    {
                        "MetricName": "train_loss",
                        "Dimensions": [{"Name": "Run", "Value": self.run_name}],
                        "Value": float(logs["loss"]),
                    }
                ],
            )

    def on_evaluate(self, args, state, control, metrics=None, **kwargs):
        if not state.is_world_process_zero or not SLACK_WEBHOOK or not metrics:
            return
        text = ", ".join(f"{k}={v:.4f}" for k, v in metrics.items() if isinstance(v, float))
        httpx.post(
            SLACK_WEBHOOK,
            json={"text": f"[{self.run_name}] step {state.global_step}: {text}"},
            timeout=5,
        )
