"""HTTP API process (gunicorn events.api:__hug_wsgi__)."""
import json
import os
import uuid

import hug
import pulsar
from sqlalchemy import text
from sqlalchemy.orm import sessionmaker

from events.db import make_engine

engine = make_engine()
Session = sessionmaker(engine)

pulsar_client = pulsar.Client(os.environ.get("PULSAR_URL", "pulsar://localhost:6650"))
producer = pulsar_client.create_producer("persistent://public/default/events-ingest")


@hug.get("/events/{event_id}")
def get_event(event_id: hug.types.text, response=None):
    with Session() as session:
        row = session.execute(
            text("SELECT id, kind, payload, processed_at FROM events WHERE id = :id"), {"id": event_id}
        ).mappings().first()
    if row is None:
        response.status = hug.HTTP_404
        return {"error": "not found"}
    return dict(row, processed_at=row["processed_at"] and row["processed_at"].isoformat())


@hug.post("/events", status=hug.HTTP_202)
def create_event(kind: hug.types.text, payload: hug.types.json):
    event_id = str(uuid.uuid4())
    with Session.begin() as session:
        session.execute(
            text("INSERT INTO events (id, kind, payload) VALUES (:id, :kind, :payload)"),
            {"id": event_id, "kind": kind, "payload": json.dumps(payload)},
        )
    producer.send(json.dumps({"id": event_id, "kind": kind}).encode("utf-8"))
    return {"id": event_id}
