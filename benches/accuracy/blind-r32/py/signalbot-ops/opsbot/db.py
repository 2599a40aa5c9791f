import os

from motor.motor_asyncio import AsyncIOMotorClient

MONGO_URL = os.environ.get("MONGO_URL", "mongodb://mongo:27017")

mongo = AsyncIOMotorClient(MONGO_URL, maxPoolSize=20)
opsdb = mongo["ops"]


async def log_command(source: str, command: str) -> None:
    await opsdb.command_log.insert_one({"source": source, "command": command})
