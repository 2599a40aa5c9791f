from pymongo import MongoClient

from . import settings


def events_collection():
    client = MongoClient(settings.MONGO_URI, serverSelectionTimeoutMS=3000)
    return client["plant"]["opcua_events"]
