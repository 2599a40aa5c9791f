"""Stores click-through feedback next to the embeddings so the nightly
fine-tune job can pick it up."""
import os
from datetime import datetime, timezone

from pymongo import MongoClient

_client = MongoClient(
    os.environ.get("MONGO_URI", "mongodb://catalog-mongo:27017"),
    appname="catalog-embedder-feedback",
)
_feedback = _client["catalog"]["embedding_feedback"]


def record_feedback(request_id: str, skus: list[str], model_version: str) -> None:
    if not skus:
        return
    _feedback.insert_one(
        {
            "request_id": request_id,
            "skus": skus,
            "model_version": model_version,
            "created_at": datetime.now(timezone.utc),
        }
    )
