from pymongo import MongoClient

from .clients import MONGO_URI

_client = MongoClient(MONGO_URI, appname="config-sync", serverSelectionTimeoutMS=5000)
db = _client["edge_config"]
quotas = db["quotas"]
