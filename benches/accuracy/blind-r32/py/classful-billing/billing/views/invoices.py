import os

import redis
import requests
from flask import abort, jsonify, request
from flask_classful import FlaskView, route
from sqlalchemy import text

from ..db import SessionLocal

PSP_URL = os.environ.get("PSP_URL", "https://psp.example.com/v1")


class InvoicesView(FlaskView):
    route_base = "/invoices"

    def before_request(self, name, *args, **kwargs):
        self.limits = redis.Redis(host=os.environ.get("REDIS_HOST", "redis"), port=6379, db=1)
        key = f"rl:{request.remote_addr}"
        if self.limits.incr(key) > 120:
            abort(429)
        self.limits.expire(key, 60)

    def index(self):
        with SessionLocal() as session:
            rows = session.execute(
                text("SELECT id, customer_id, amount_cents, status FROM invoices ORDER BY id DESC LIMIT 50")
            ).mappings().all()
        return jsonify([dict(r) for r in rows])

    def get(self, id):
        session = SessionLocal()
        row = session.execute(
            text("SELECT id, customer_id, amount_cents, status FROM invoices WHERE id = :id"),
            {"id": int(id)},
        ).mappings().first()
        if row is None:
            abort(404)
        return jsonify(dict(row))

    @route("/<id>/pay", methods=["POST"])
    def pay(self, id):
        with SessionLocal.begin() as session:
            invoice = session.execute(
                text("SELECT id, amount_cents, status FROM invoices WHERE id = :id FOR UPDATE"),
                {"id": int(id)},
            ).mappings().first()
            if invoice is None or invoice["status"] != "open":
                abort(409)
            with requests.Session() as psp:
                psp.headers["Authorization"] = f"Bearer {os.environ['PSP_KEY']}"
                resp = psp.post(
                    f"{PSP_URL}/charges",
                    json={"amount": invoice["amount_cents"], "source": request.json["token"]},
                    timeout=10,
                )
            resp.raise_for_status()
            session.execute(
                text("UPDATE invoices SET status = 'paid', psp_ref = :r WHERE id = :id"),
                {"r": resp.json()["id"], "id": invoice["id"]},
            )
        return jsonify({"status": "paid"})
