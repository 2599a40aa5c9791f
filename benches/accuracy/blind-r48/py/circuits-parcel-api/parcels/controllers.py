from datetime import datetime, timezone

from circuits.web import JSONController
from sqlalchemy.orm import Session

from parcels.sql import Parcel, engine
from parcels.tracking import get_scans_collection, latest_scans


class Parcels(JSONController):
    channel = "/parcels"

    def index(self):
        with Session(engine) as session:
            rows = session.query(Parcel).filter(Parcel.status != "delivered").limit(100).all()
            return {"open": [{"code": p.code, "status": p.status, "depot": p.depot} for p in rows]}

    def track(self, code=None):
        if not code:
            self.response.status = 400
            return {"error": "code is required"}
        scans = get_scans_collection()
        return {"code": code, "scans": latest_scans(scans, code)}

    def deliver(self, code=None, signed_by=None):
        if self.request.method != "POST":
            self.response.status = 405
            return {"error": "POST only"}
        session = Session(engine)
        parcel = session.get(Parcel, code)
        if parcel is None:
            self.response.status = 404
            return {"error": f"unknown parcel {code}"}
        if parcel.status == "delivered":
            self.response.status = 409
            return {"error": "already delivered"}
        parcel.status = "delivered"
        parcel.signed_by = signed_by
        parcel.delivered_at = datetime.now(timezone.utc)
        session.commit()
        session.close()
        return {"code": code, "status": "delivered"}
