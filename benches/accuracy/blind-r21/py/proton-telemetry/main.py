"""Entry point: build the DB engine and HTTP session once, then run the proton reactor."""
from __future__ import annotations

import logging
import os

import requests
from proton.reactor import Container
from sqlalchemy.orm import sessionmaker

from consumer import TelemetryConsumer
from db import make_engine

BROKER_URL = os.environ.get("AMQP_URL", "amqps://telemetry:secret@artemis.internal:5671")
ADDRESS = os.environ.get("AMQP_ADDRESS", "telemetry.readings::telemetry-db-writer")
ALERT_URL = os.environ.get("ALERT_URL", "https://alerts.internal/api/v1/alerts")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    engine = make_engine()
    http = requests.Session()
    http.headers["User-Agent"] = "telemetry-db-writer/2.1"
    try:
        handler = TelemetryConsumer(
            url=BROKER_URL,
            address=ADDRESS,
            session_factory=sessionmaker(bind=engine, expire_on_commit=False),
            http=http,
            alert_url=ALERT_URL,
        )
        Container(handler).run()
    except KeyboardInterrupt:
        pass
    finally:
        http.close()
        engine.dispose()


if __name__ == "__main__":
    main()
