import logging
import os

import redis
from mastodon import StreamListener
from pymongo import MongoClient

from .media import download_attachment
from .store import statuses_collection

log = logging.getLogger("archiver")
MONGO_URL = os.environ.get("MONGO_URL", "mongodb://localhost:27017")


class ArchiveListener(StreamListener):
    def __init__(self, counters: redis.Redis):
        super().__init__()
        self.counters = counters

    def on_update(self, status):
        doc = {
            "_id": str(status["id"]),
            "uri": status["uri"],
            "account": status["account"]["acct"],
            "content": status["content"],
            "created_at": status["created_at"],
            "tags": [t["name"] for t in status.get("tags", [])],
            "media": [],
        }
        for attachment in status.get("media_attachments", []):
            doc["media"].append(download_attachment(attachment["url"]))

        mongo = MongoClient(MONGO_URL)
        mongo["fediverse_archive"]["statuses"].replace_one({"_id": doc["_id"]}, doc, upsert=True)
        self.counters.hincrby("archiver:accounts", doc["account"], 1)

    def on_delete(self, status_id):
        coll = statuses_collection()
        coll.update_one({"_id": str(status_id)}, {"$set": {"deleted": True}})
        self.counters.incr("archiver:deletes")

    def on_notification(self, notification):
        if notification["type"] == "mention":
            self.counters.lpush("archiver:mentions", str(notification["status"]["id"]))

    def on_abort(self, err):
        log.warning("stream aborted: %s", err)

    def handle_heartbeat(self):
        self.counters.set("archiver:heartbeat", "1", ex=120)
