"""Mongo access for the moderation cog."""
import os

from motor.motor_asyncio import AsyncIOMotorClient

_client = AsyncIOMotorClient(
    os.getenv("MONGO_URL", "mongodb://localhost:27017"),
    maxPoolSize=20,
    serverSelectionTimeoutMS=5000,
)


def warnings_collection():
    return _client["guildbot"]["warnings"]
