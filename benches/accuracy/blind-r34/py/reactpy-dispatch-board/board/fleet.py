import os

from pymongo import MongoClient


def drivers_near(depot):
    client = MongoClient(os.environ.get("FLEET_MONGO_URL", "mongodb://fleet-mongo:27017"))
    return list(
        client.fleet.drivers.find(
            {"depot": depot, "on_shift": True}, {"_id": 0, "driver_id": 1, "name": 1, "eta_min": 1}
        ).sort("eta_min", 1)
    )
