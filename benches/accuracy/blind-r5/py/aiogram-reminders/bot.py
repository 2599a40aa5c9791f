import asyncio
import logging
import os

from aiogram import Bot, Dispatcher
from aiohttp import ClientSession, ClientTimeout
from motor.motor_asyncio import AsyncIOMotorClient

from handlers import router

MONGO_URL = os.environ.get("MONGO_URL", "mongodb://localhost:27017")
WEATHER_URL = os.environ.get("WEATHER_URL", "https://api.open-meteo.com")


async def on_startup(dispatcher: Dispatcher) -> None:
    mongo = AsyncIOMotorClient(MONGO_URL, maxPoolSize=20)
    dispatcher["mongo"] = mongo
    dispatcher["db"] = mongo["reminders"]
    dispatcher["http"] = ClientSession(
        base_url=WEATHER_URL, timeout=ClientTimeout(total=10)
    )
    logging.info("mongo and http clients ready")


async def on_shutdown(dispatcher: Dispatcher) -> None:
    await dispatcher["http"].close()
    dispatcher["mongo"].close()


async def main() -> None:
    bot = Bot(token=os.environ["BOT_TOKEN"])
    dp = Dispatcher()
    dp.include_router(router)
    dp.startup.register(on_startup)
    dp.shutdown.register(on_shutdown)
    await dp.start_polling(bot)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())
