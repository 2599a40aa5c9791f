from flask import Flask, abort, jsonify, request
from marshmallow import ValidationError
from sqlalchemy import select

from db import SessionLocal
from models import Shipment
from schemas import ShipmentSchema, StatusSchema

shipment_schema = ShipmentSchema()
status_schema = StatusSchema()


def create_app():
    app = Flask(__name__)

    @app.teardown_appcontext
    def remove_session(exc=None):
        SessionLocal.remove()

    @app.post("/shipments")
    def create_shipment():
        try:
            shipment = shipment_schema.load(request.get_json(force=True))
        except ValidationError as err:
            return jsonify(err.messages), 422
        SessionLocal.add(shipment)
        SessionLocal.commit()
        return jsonify(shipment_schema.dump(shipment)), 201

    @app.get("/shipments/<int:shipment_id>")
    def get_shipment(shipment_id):
        shipment = SessionLocal.get(Shipment, shipment_id)
        if shipment is None:
            abort(404)
        return jsonify(shipment_schema.dump(shipment))

    @app.patch("/shipments/<int:shipment_id>/status")
    def set_status(shipment_id):
        body = status_schema.load(request.get_json(force=True))
        shipment = SessionLocal.get(Shipment, shipment_id)
        if shipment is None:
            abort(404)
        shipment.status = body["status"]
        SessionLocal.commit()
        return jsonify(shipment_schema.dump(shipment))

    @app.get("/shipments")
    def list_shipments():
        rows = SessionLocal.scalars(select(Shipment).order_by(Shipment.id.desc()).limit(50)).all()
        return jsonify(shipment_schema.dump(rows, many=True))

    return app


# gunicorn "app:create_app()" -w 4
