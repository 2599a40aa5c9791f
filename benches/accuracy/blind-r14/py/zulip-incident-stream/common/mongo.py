"""Shared MongoDB settings. Each process (the Zulip bot, the Bytewax dataflow)
calls make_client() once when it starts."""
import os

from pymongo import MongoClient

MONGO_URL = os.environ.get("INCIDENTS_MONGO_URL", "mongodb://ops-mongo:27017/?replicaSet=ops")
DB_NAME = "incidents"


def make_client(app_name: str) -> MongoClient:
    return MongoClient(MONGO_URL, appname=app_name, maxPoolSize=10, retryWrites=True)
