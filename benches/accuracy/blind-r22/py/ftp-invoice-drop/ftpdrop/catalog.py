"""Catalogue of received invoice files (one document per uploaded file)."""
import hashlib
import os
from datetime import datetime, timezone

from pymongo import MongoClient, ReturnDocument

MONGO_URL = os.environ.get("MONGO_URL", "mongodb://localhost:27017/?replicaSet=rs0")

mongo = MongoClient(MONGO_URL, appname="ftpdrop-catalog")
files = mongo["invoices"]["received_files"]


def sha256_of(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def register(supplier_id: int, filename: str, checksum: str, s3_key: str) -> dict:
    return files.find_one_and_update(
        {"supplier_id": supplier_id, "sha256": checksum},
        {
            "$setOnInsert": {
                "supplier_id": supplier_id,
                "filename": filename,
                "sha256": checksum,
                "s3_key": s3_key,
                "received_at": datetime.now(timezone.utc),
                "status": "pending_ocr",
            }
        },
        upsert=True,
        return_document=ReturnDocument.AFTER,
    )
