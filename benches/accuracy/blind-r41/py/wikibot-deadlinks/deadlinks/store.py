"""Mongo storage for archived-link decisions."""
import os

from pymongo import MongoClient

MONGO_URL = os.environ.get("DEADLINKS_MONGO_URL", "mongodb://mongo.toolforge.internal:27017")


def archive_collection():
    client = MongoClient(MONGO_URL, serverSelectionTimeoutMS=5000, appname="deadlinks-bot")
    coll = client["deadlinks"]["archived"]
    return coll


def remember(coll, url: str, snapshot: str | None, title: str) -> None:
    coll.update_one(
        {"url": url},
        {"$set": {"snapshot": snapshot}, "$addToSet": {"pages": title}},
        upsert=True,
    )
