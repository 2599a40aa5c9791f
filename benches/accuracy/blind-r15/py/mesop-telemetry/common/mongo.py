import os

from pymongo import MongoClient


def make_mongo(app_name: str) -> MongoClient:
    """Build the process's MongoDB client. Call once per process and keep the result."""
    return MongoClient(
        os.environ.get("MONGO_URL", "mongodb://mongo:27017"),
        appname=app_name,
        maxPoolSize=20,
        serverSelectionTimeoutMS=5000,
    )
