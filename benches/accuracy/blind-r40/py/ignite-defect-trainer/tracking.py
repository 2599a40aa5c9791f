"""Run/metric tracking in the MLOps Mongo cluster."""
import datetime as dt
import os

from pymongo import MongoClient

_client = MongoClient(os.environ["MLOPS_MONGO_URI"], appname="defect-trainer")
_runs = _client["mlops"]["runs"]


def start_run(name: str, params: dict) -> str:
    doc = {"name": name, "params": params, "started_at": dt.datetime.now(dt.timezone.utc), "metrics": []}
    return str(_runs.insert_one(doc).inserted_id)


def log_metrics(run_name: str, step: int, metrics: dict) -> None:
    _runs.update_one(
        {"name": run_name},
        {"$push": {"metrics": {"step": step, **metrics}}},
    )


def finish_run(run_name: str, status: str) -> None:
    _runs.update_one(
        {"name": run_name},
        {"$set": {"status": status, "finished_at": dt.datetime.now(dt.timezone.utc)}},
    )
