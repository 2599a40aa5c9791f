"""MongoDB access helpers for the incident console."""
import os

from motor.motor_asyncio import AsyncIOMotorClient, AsyncIOMotorDatabase

MONGO_URL = os.environ.get("MONGO_URL", "mongodb://localhost:27017")
MONGO_DB = os.environ.get("MONGO_DB", "incidents")


def get_db() -> AsyncIOMotorDatabase:
    client = AsyncIOMotorClient(MONGO_URL, appname="incident-console", serverSelectionTimeoutMS=3000)
    return client[MONGO_DB]


async def open_incidents(db: AsyncIOMotorDatabase, team: str) -> list[dict]:
    cursor = db.incidents.find({"team": team, "state": {"$ne": "resolved"}}).sort("opened_at", -1)
    return await cursor.to_list(length=100)


async def set_state(db: AsyncIOMotorDatabase, incident_id: str, state: str, who: str) -> None:
    await db.incidents.update_one(
        {"_id": incident_id},
        {"$set": {"state": state}, "$push": {"timeline": {"state": state, "by": who}}},
    )


async def timeline(db: AsyncIOMotorDatabase, incident_id: str) -> list[dict]:
    doc = await db.incidents.find_one({"_id": incident_id}, {"timeline": 1})
    return doc.get("timeline", []) if doc else []


async def team_names(db: AsyncIOMotorDatabase) -> list[str]:
    return sorted(await db.incidents.distinct("team"))
