import os

from pymongo import MongoClient

MONGO_URL = os.environ.get("MONGO_URL", "mongodb://localhost:27017")


def save_message(doc: dict) -> None:
    """Persist one chat message."""
    client = MongoClient(MONGO_URL, serverSelectionTimeoutMS=3000)
    try:
        client.chat.messages.insert_one(doc)
    finally:
        client.close()
