from apiflask import APIBlueprint, Schema, abort
from apiflask.fields import DateTime, Integer, String
from flask import current_app
from sqlalchemy import text

bp = APIBlueprint("parcels", __name__, url_prefix="/parcels")


class ParcelIn(Schema):
    tracking_number = String(required=True)
    carrier = String(required=True)
    recipient = String(required=True)


class ParcelOut(Schema):
    id = Integer()
    tracking_number = String()
    carrier = String()
    status = String()
    updated_at = DateTime()


def _sessions():
    return current_app.extensions["parcels.sessions"]


@bp.get("/<int:parcel_id>")
@bp.output(ParcelOut)
def get_parcel(parcel_id):
    with _sessions()() as s:
        row = s.execute(
            text("SELECT id, tracking_number, carrier, status, updated_at FROM parcels WHERE id = :id"),
            {"id": parcel_id},
        ).mappings().first()
    if row is None:
        abort(404)
    return dict(row)


@bp.post("")
@bp.input(ParcelIn, location="json")
@bp.output(ParcelOut, status_code=201)
def create_parcel(json_data):
    with _sessions().begin() as s:
        row = s.execute(
            text("INSERT INTO parcels (tracking_number, carrier, recipient, status, updated_at) "
                 "VALUES (:tracking_number, :carrier, :recipient, 'registered', now()) "
                 "RETURNING id, tracking_number, carrier, status, updated_at"),
            json_data,
        ).mappings().one()
    return dict(row)
