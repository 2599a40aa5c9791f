"""ASGI entry point:  uvicorn shipping.server:application --workers 4"""
import logging
import os

import uvicorn
from ellar.app import AppFactory
from ellar.common import Controller, ControllerBase, get
from sqlalchemy import text

from shipping.controllers import ReportsController, ShipmentsController
from shipping.db import engine

logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))


@Controller("/health")
class HealthController(ControllerBase):
    @get("/live")
    def live(self):
        return {"status": "ok"}

    @get("/ready")
    def ready(self):
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return {"status": "ready"}


application = AppFactory.create_app(
    controllers=[ShipmentsController, ReportsController, HealthController],
)


if __name__ == "__main__":
    uvicorn.run(
        "shipping.server:application",
        host="0.0.0.0",
        port=int(os.environ.get("PORT", "8000")),
        workers=int(os.environ.get("WEB_CONCURRENCY", "2")),
    )
