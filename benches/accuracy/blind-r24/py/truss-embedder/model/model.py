"""Truss model: load() runs once per replica, predict() once per request."""
import json
import logging
import uuid

import boto3
from pymongo import MongoClient, UpdateOne
from sentence_transformers import SentenceTransformer
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from .feedback import record_feedback

log = logging.getLogger(__name__)

MODEL_NAME = "sentence-transformers/all-MiniLM-L12-v2"
MODEL_VERSION = "minilm-l12-2024-09"
EXPORT_BUCKET = "catalog-embeddings-export"


class Model:
    def __init__(self, **kwargs):
        self._config = kwargs["config"]
        self._secrets = kwargs["secrets"]
        self._encoder = None
        self._mongo = None
        self._engine = None

    def load(self):
        self._encoder = SentenceTransformer(MODEL_NAME, device="cuda")
        self._mongo = MongoClient(self._secrets["mongo_uri"], appname="catalog-embedder")
        self._vectors = self._mongo["catalog"]["sku_vectors"]
        self._engine = create_engine(
            self._secrets["catalog_db_url"], pool_size=4, max_overflow=4, pool_pre_ping=True
        )

    def _log_request(self, request_id: str, n_items: int, export_key: str | None) -> None:
        session = Session(self._engine)
        seen = session.execute(
            text("SELECT 1 FROM embedding_requests WHERE id = :id"), {"id": request_id}
        ).first()
        if seen is not None:
            log.info("request %s already logged (client retry)", request_id)
            return
        session.execute(
            text(
                "INSERT INTO embedding_requests (id, n_items, model_version, export_key)"
                " VALUES (:id, :n, :v, :k)"
            ),
            {"id": request_id, "n": n_items, "v": MODEL_VERSION, "k": export_key},
        )
        session.commit()

    def predict(self, model_input):
        items = model_input["items"]
        request_id = model_input.get("request_id") or str(uuid.uuid4())
        titles = [f'{i["title"]} {i.get("description", "")}'.strip() for i in items]
        vectors = self._encoder.encode(titles, batch_size=32, normalize_embeddings=True)

        self._vectors.bulk_write(
            [
                UpdateOne(
                    {"sku": item["sku"]},
                    {"$set": {"vector": vec.tolist(), "model_version": MODEL_VERSION}},
                    upsert=True,
                )
                for item, vec in zip(items, vectors)
            ],
            ordered=False,
        )

        export_key = None
        if model_input.get("export"):
            s3 = boto3.client(
                "s3",
                aws_access_key_id=self._secrets["aws_access_key_id"],
                aws_secret_access_key=self._secrets["aws_secret_access_key"],
            )
            export_key = f"exports/{MODEL_VERSION}/{request_id}.jsonl"
            body = "\n".join(
                json.dumps({"sku": i["sku"], "vector": v.tolist()})
                for i, v in zip(items, vectors)
            )
            s3.put_object(Bucket=EXPORT_BUCKET, Key=export_key, Body=body.encode())

        self._log_request(request_id, len(items), export_key)
        record_feedback(request_id, model_input.get("clicked_skus", []), MODEL_VERSION)
        return {
            "request_id": request_id,
            "model_version": MODEL_VERSION,
            "embeddings": [
                {"sku": i["sku"], "vector": v.tolist()} for i, v in zip(items, vectors)
            ],
        }
