"""Primary store for brand mentions picked up by the filtered stream."""
import os
from datetime import datetime, timezone

from pymongo import ASCENDING, DESCENDING, MongoClient

MONGO_URI = os.environ.get("MONGO_URI", "mongodb://localhost:27017/social")

client = MongoClient(MONGO_URI, appname="mention-stream", maxPoolSize=20)
db = client.get_default_database()
mentions = db["mentions"]
authors = db["authors"]


def ensure_indexes():
    mentions.create_index([("tweet_id", ASCENDING)], unique=True)
    mentions.create_index([("created_at", DESCENDING)])
    mentions.create_index([("rule_tags", ASCENDING), ("created_at", DESCENDING)])
    authors.create_index([("author_id", ASCENDING)], unique=True)


def save_mention(tweet, rule_tags):
    doc = {
        "tweet_id": str(tweet.id),
        "author_id": str(tweet.author_id),
        "text": tweet.text,
        "lang": tweet.lang,
        "created_at": tweet.created_at or datetime.now(timezone.utc),
        "rule_tags": rule_tags,
        "ingested_at": datetime.now(timezone.utc),
    }
    mentions.update_one({"tweet_id": doc["tweet_id"]}, {"$set": doc}, upsert=True)
    return doc


def bump_author(author_id):
    authors.update_one(
        {"author_id": str(author_id)},
        {"$inc": {"mention_count": 1}, "$set": {"last_seen": datetime.now(timezone.utc)}},
        upsert=True,
    )
