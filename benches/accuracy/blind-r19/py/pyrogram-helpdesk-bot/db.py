from motor.motor_asyncio import AsyncIOMotorClient

import config

mongo = AsyncIOMotorClient(config.MONGO_URL, serverSelectionTimeoutMS=5000)
helpdesk = mongo["helpdesk"]
tickets = helpdesk["tickets"]
