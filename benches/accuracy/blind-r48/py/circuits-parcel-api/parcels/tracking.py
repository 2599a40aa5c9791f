"""Scan-event history lives in Mongo (written by the depot scanners)."""
import os

from pymongo import DESCENDING, MongoClient

MONGO_URL = os.environ.get("TRACKING_MONGO_URL", "mongodb://localhost:27017")


def get_scans_collection():
    client = MongoClient(MONGO_URL, serverSelectionTimeoutMS=3000, appname="parcel-api")
    return client["tracking"]["scans"]


def latest_scans(collection, code, limit=20):
    cursor = collection.find({"parcel": code}, {"_id": 0}).sort("ts", DESCENDING).limit(limit)
    return list(cursor)
