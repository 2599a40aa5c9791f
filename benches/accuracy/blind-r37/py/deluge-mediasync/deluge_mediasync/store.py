"""Media catalogue access (MongoDB)."""
import os

from pymongo import MongoClient

MONGO_URI = os.environ.get("MEDIASYNC_MONGO_URI", "mongodb://catalogue.lan:27017/?replicaSet=rs0")


def torrents_collection():
    client = MongoClient(MONGO_URI, serverSelectionTimeoutMS=3000, appname="deluge-mediasync")
    return client["catalogue"]["torrents"]
