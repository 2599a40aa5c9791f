"""Clastic web app: endpoints receive the engine as a named resource."""
import json

from clastic import GET, POST, Application, render_json
from clastic.errors import BadRequest, NotFound
from sqlalchemy import text

from .db import make_engine


def get_shipment(engine, tracking_no):
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT tracking_no, status, eta, carrier FROM shipments WHERE tracking_no = :t"),
            {"t": tracking_no},
        ).mappings().first()
    if row is None:
        raise NotFound(f"unknown shipment {tracking_no}")
    return {**row, "eta": row["eta"].isoformat() if row["eta"] else None}


def list_events(engine, tracking_no):
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT kind, at, location FROM shipment_events WHERE tracking_no = :t ORDER BY at"),
            {"t": tracking_no},
        ).all()
    return [{"kind": k, "at": at.isoformat(), "location": loc} for k, at, loc in rows]


def create_shipment(engine, request):
    try:
        body = json.loads(request.get_data())
        tracking_no, carrier = body["tracking_no"], body["carrier"]
    except (ValueError, KeyError):
        raise BadRequest("tracking_no and carrier are required")
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO shipments (tracking_no, carrier, status) VALUES (:t, :c, 'created')"),
            {"t": tracking_no, "c": carrier},
        )
    return {"tracking_no": tracking_no, "status": "created"}


def make_wsgi():
    engine = make_engine()
    routes = [
        GET("/shipments/<tracking_no>", get_shipment, render_json),
        GET("/shipments/<tracking_no>/events", list_events, render_json),
        POST("/shipments", create_shipment, render_json),
    ]
    return Application(routes, resources={"engine": engine})
