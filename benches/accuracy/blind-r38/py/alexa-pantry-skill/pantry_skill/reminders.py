import os
from datetime import datetime, timezone

from pymongo import MongoClient

_client = MongoClient(os.environ["MONGO_URI"], appname="pantry-reminders")
_reminders = _client.get_default_database()["reminders"]


def save_reminder(user_id: str, item: str, when: str) -> None:
    _reminders.insert_one(
        {
            "user_id": user_id,
            "item": item,
            "when": when,
            "created_at": datetime.now(timezone.utc),
        }
    )


def pending_for(user_id: str) -> list[dict]:
    return list(_reminders.find({"user_id": user_id, "done": {"$ne": True}}).limit(5))
