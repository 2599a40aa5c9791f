import os

from pymongo import MongoClient

MONGO_URI = os.environ.get("PANTRY_MONGO_URI", "mongodb://homeserver.lan:27017")

client = MongoClient(MONGO_URI, serverSelectionTimeoutMS=3000, appname="pantry-skill")
pantry = client["household"]["pantry"]


def fresh_client() -> MongoClient:
    """Used by handlers that must see writes from the kitchen tablet immediately."""
    return MongoClient(MONGO_URI, serverSelectionTimeoutMS=3000, readPreference="primary")


def add_item(name: str, qty: int = 1) -> None:
    pantry.update_one({"name": name}, {"$inc": {"qty": qty}}, upsert=True)
