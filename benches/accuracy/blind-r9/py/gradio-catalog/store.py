import os

from pymongo import MongoClient

MONGO_URL = os.environ.get("MONGO_URL", "mongodb://localhost:27017")


def products_collection():
    client = MongoClient(MONGO_URL, serverSelectionTimeoutMS=3000)
    return client["catalog"]["products"]
