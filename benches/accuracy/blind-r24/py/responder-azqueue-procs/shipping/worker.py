"""Label worker: drains the Azure Storage queue and marks labels ready."""
import json
import logging
import os
import time

from azure.core.exceptions import ResourceNotFoundError
from azure.storage.queue import QueueClient
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import sessionmaker

from .db import make_engine

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("label-worker")

LABEL_BASE = os.environ.get("LABEL_BASE", "https://labels.example.com")


def wait_for_db(engine, attempts: int = 30) -> None:
    for attempt in range(attempts):
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            log.info("database reachable")
            return
        except OperationalError:
            time.sleep(min(1 + attempt, 10))
    raise SystemExit("database unreachable, giving up")


def process(Session, payload: dict) -> None:
    with Session.begin() as session:
        session.execute(
            text("UPDATE shipments SET status = 'label_ready', label_url = :u"
                 " WHERE id = :id AND status = 'label_requested'"),
            {"id": payload["shipment_id"],
             "u": f"{LABEL_BASE}/{payload['shipment_id']}.pdf"},
        )


def main() -> None:
    engine = make_engine("worker", pool_size=2)
    wait_for_db(engine)
    Session = sessionmaker(engine)
    queue = QueueClient.from_connection_string(
        os.environ["AZURE_STORAGE_CONNECTION_STRING"], "label-requests"
    )
    try:
        while True:
            got_any = False
            for msg in queue.receive_messages(messages_per_page=16, visibility_timeout=120):
                got_any = True
                try:
                    process(Session, json.loads(msg.content))
                    queue.delete_message(msg)
                except (ValueError, KeyError):
                    log.exception("poison message %s", msg.id)
                    queue.delete_message(msg)
                except ResourceNotFoundError:
                    log.warning("message %s already deleted", msg.id)
            if not got_any:
                time.sleep(5)
    finally:
        queue.close()
        engine.dispose()


if __name__ == "__main__":
    main()
