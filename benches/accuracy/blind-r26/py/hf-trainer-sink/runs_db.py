"""Experiment registry stored in MongoDB (shared with the dashboard)."""
import datetime as dt
import os

from pymongo import MongoClient

MONGO_URL = os.environ.get("EXPERIMENTS_MONGO_URL", "mongodb://mongo.ml.internal:27017")

client = MongoClient(MONGO_URL, appname="trainer-registry", serverSelectionTimeoutMS=5000)
runs = client["experiments"]["runs"]


def open_run(run_name, model_name, hparams):
    doc = {
        "name": run_name,
        "model": model_name,
        "hparams": hparams,
        "status": "running",
        "started_at": dt.datetime.now(dt.timezone.utc),
    }
    return runs.insert_one(doc).inserted_id


def close_run(run_id, status, final_metrics):
    runs.update_one(
        {"_id": run_id},
        {
            "$set": {
                "status": status,
                "final_metrics": final_metrics,
                "finished_at": dt.datetime.now(dt.timezone.utc),
            }
        },
    )
