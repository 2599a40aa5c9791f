import os

from pymongo import MongoClient
from pymongo.collection import Collection

MONGO_URL = os.environ.get("MONGO_URL", "mongodb://localhost:27017")


def statuses_collection() -> Collection:
    client = MongoClient(MONGO_URL, serverSelectionTimeoutMS=5000)
    return client["fediverse_archive"]["statuses"]
