"""Responder API for the warehouse label station."""
import json
import os

import responder
from azure.storage.queue import QueueClient
from sqlalchemy import text
from sqlalchemy.orm import sessionmaker

from .db import make_engine

api = responder.API()

engine = make_engine("web")
Session = sessionmaker(engine)
label_queue = QueueClient.from_connection_string(
    os.environ["AZURE_STORAGE_CONNECTION_STRING"], "label-requests"
)


@api.route("/health")
def health(req, resp):
    resp.media = {"ok": True}


@api.route("/shipments/{shipment_id}")
class ShipmentResource:
    def on_get(self, req, resp, *, shipment_id):
        with Session() as session:
            row = session.execute(
                text("SELECT id, order_id, carrier, status, label_url"
                     "  FROM shipments WHERE id = :id"),
                {"id": shipment_id},
            ).mappings().first()
        if row is None:
            resp.status_code = api.status_codes.HTTP_404
            resp.media = {"error": "not found"}
            return
        resp.media = dict(row)


@api.route("/shipments/{shipment_id}/label")
async def request_label(req, resp, *, shipment_id):
    body = await req.media()
    with Session.begin() as session:
        session.execute(
            text("UPDATE shipments SET status = 'label_requested', carrier = :c"
                 " WHERE id = :id"),
            {"id": shipment_id, "c": body.get("carrier", "dhl")},
        )
    label_queue.send_message(json.dumps({"shipment_id": shipment_id}))
    resp.status_code = api.status_codes.HTTP_202
    resp.media = {"queued": True}


if __name__ == "__main__":
    api.run()
