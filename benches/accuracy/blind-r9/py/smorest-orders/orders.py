import os

import requests
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from db import get_conn, pooled
from schemas import OrderSchema, ShipmentSchema

CARRIER_API = os.environ.get("CARRIER_API", "https://api.shipper.example.com")

blp = Blueprint("orders", __name__, url_prefix="/orders", description="Order operations")


@blp.route("/")
class Orders(MethodView):
    @blp.response(200, OrderSchema(many=True))
    def get(self):
        conn = get_conn()
        with conn.cursor() as cur:
            cur.execute(
                "SELECT id, customer_id, total_cents, status FROM orders "
                "ORDER BY created_at DESC LIMIT 200"
            )
            rows = cur.fetchall()
        conn.close()
        return rows

    @blp.arguments(OrderSchema)
    @blp.response(201, OrderSchema)
    def post(self, data):
        pool = pooled()
        conn = pool.getconn()
        try:
            with conn.cursor() as cur:
                cur.execute(
                    "INSERT INTO orders (customer_id, total_cents, status) "
                    "VALUES (%s, %s, 'new') RETURNING id, customer_id, total_cents, status",
                    (data["customer_id"], data["total_cents"]),
                )
                row = cur.fetchone()
            conn.commit()
        finally:
            pool.putconn(conn)
        return {"id": row[0], "customer_id": row[1], "total_cents": row[2], "status": row[3]}


@blp.route("/<int:order_id>/ship")
class Ship(MethodView):
    @blp.arguments(ShipmentSchema)
    @blp.response(200, ShipmentSchema)
    def post(self, data, order_id):
        pool = pooled()
        conn = pool.getconn()
        with conn.cursor() as cur:
            cur.execute("SELECT status FROM orders WHERE id = %s FOR UPDATE", (order_id,))
            row = cur.fetchone()
        if row is None:
            abort(404, message="order not found")
        if row[0] != "paid":
            abort(409, message="order is not paid")

        http = requests.Session()
        http.headers["Authorization"] = f"Bearer {os.environ['CARRIER_TOKEN']}"
        resp = http.post(f"{CARRIER_API}/shipments", json={"order": order_id, "carrier": data["carrier"]}, timeout=10)
        resp.raise_for_status()
        tracking = resp.json()["tracking_number"]

        with conn.cursor() as cur:
            cur.execute("UPDATE orders SET status = 'shipped', tracking = %s WHERE id = %s", (tracking, order_id))
        conn.commit()
        pool.putconn(conn)
        return {"carrier": data["carrier"], "tracking_number": tracking}
