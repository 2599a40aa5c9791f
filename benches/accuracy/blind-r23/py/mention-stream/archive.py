"""Raw payload archive, kept so we can re-run the classifier later."""
import os
from datetime import datetime, timedelta, timezone

import pymongo

_client = pymongo.MongoClient(
    os.environ.get("MONGO_URI", "mongodb://localhost:27017/social"),
    appname="mention-archive",
)
_raw = _client["social"]["raw_tweets"]
_raw.create_index([("_archived_at", pymongo.ASCENDING)])


def archive_raw(tweet):
    payload = dict(tweet.data)
    payload["_archived_at"] = datetime.now(timezone.utc)
    _raw.insert_one(payload)


def replay(since, limit=1000):
    """Yield archived payloads so the classifier can be re-run over them."""
    cursor = (
        _raw.find({"_archived_at": {"$gte": since}})
        .sort("_archived_at", pymongo.ASCENDING)
        .limit(limit)
    )
    for payload in cursor:
        payload.pop("_id", None)
        yield payload


def purge_older_than(days):
    cutoff = datetime.now(timezone.utc) - timedelta(days=days)
    result = _raw.delete_many({"_archived_at": {"$lt": cutoff}})
    return result.deleted_count
