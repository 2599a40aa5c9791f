import os

import requests
from marshmallow import Schema, ValidationError, fields, post_load, validates

import clients
from models import Shipment

VIES_URL = os.environ.get("VIES_URL", "https://vat-check.internal/api/check")


class ShipmentSchema(Schema):
    id = fields.Int(dump_only=True)
    reference = fields.Str(required=True)
    vat_number = fields.Str(required=True)
    address = fields.Str(required=True)
    lat = fields.Float(dump_only=True)
    lon = fields.Float(dump_only=True)
    status = fields.Str(dump_only=True)

    @validates("vat_number")
    def validate_vat(self, value, **kwargs):
        vat = requests.Session()
        vat.headers["Accept"] = "application/json"
        resp = vat.get(VIES_URL, params={"vat": value}, timeout=5)
        if resp.status_code != 200 or not resp.json().get("valid"):
            raise ValidationError("VAT number is not valid")

    @post_load
    def make_shipment(self, data, **kwargs):
        geo = clients.geocoder()
        resp = geo.get("/search", params={"q": data["address"], "limit": 1})
        hits = resp.json().get("results", []) if resp.is_success else []
        if hits:
            data["lat"], data["lon"] = hits[0]["lat"], hits[0]["lon"]
        return Shipment(**data)


class StatusSchema(Schema):
    status = fields.Str(required=True)
