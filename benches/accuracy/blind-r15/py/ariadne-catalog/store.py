import os

import httpx
from pymongo import MongoClient

MONGO_URL = os.environ.get("MONGO_URL", "mongodb://mongo:27017")

# Exchange-rate service client, shared by every request.
fx = httpx.Client(base_url=os.environ.get("FX_URL", "http://fx-rates:8000"), timeout=3)

# Process-wide Mongo client used by the review mutations.
catalog_db = MongoClient(MONGO_URL, serverSelectionTimeoutMS=2000).catalog


def mongo_client() -> MongoClient:
    """Separate client with its own settings (used for read-only review listings)."""
    return MongoClient(MONGO_URL, serverSelectionTimeoutMS=2000, readPreference="secondaryPreferred")
