"""Fleet master data: depots and vehicles in MongoDB."""
import os

from pymongo import ASCENDING, MongoClient

MONGO_URL = os.environ.get("FLEET_MONGO_URL", "mongodb://fleet:fleet@mongo:27017/fleet?authSource=admin")

client = MongoClient(MONGO_URL, appname="fleet-dashboard", maxPoolSize=20)
db = client.get_default_database()
depots = db["depots"]
vehicles = db["vehicles"]


def ensure_indexes():
    vehicles.create_index([("depot", ASCENDING), ("plate", ASCENDING)], unique=True)
    depots.create_index("code", unique=True)


def list_depots():
    return [
        {"title": d["name"], "value": d["code"]}
        for d in depots.find({"active": True}, {"_id": 0, "code": 1, "name": 1}).sort("name", ASCENDING)
    ]


def vehicles_for(depot_code):
    cursor = vehicles.find(
        {"depot": depot_code, "retired": {"$ne": True}},
        {"_id": 0, "plate": 1, "model": 1, "tracker_id": 1, "odometer_km": 1},
    ).sort("plate", ASCENDING)
    return list(cursor)


def set_odometer(plate, km):
    vehicles.update_one({"plate": plate}, {"$set": {"odometer_km": km}})
