import os

from pymongo import MongoClient

MONGO_URL = os.environ.get("MONGO_URL", "mongodb://ops-mongo:27017/?replicaSet=rs0")

mongo = MongoClient(MONGO_URL, serverSelectionTimeoutMS=3000)
events = mongo.ops.process_events
