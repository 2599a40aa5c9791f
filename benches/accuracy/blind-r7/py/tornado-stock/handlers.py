import json
import os

import redis
import tornado.web
from tornado.httpclient import AsyncHTTPClient

import db

PRICING_URL = os.environ.get("PRICING_URL", "http://pricing.internal:8080")


class BaseHandler(tornado.web.RequestHandler):
    def prepare(self):
        self.cache = redis.Redis(
            host=os.environ.get("REDIS_HOST", "localhost"),
            port=int(os.environ.get("REDIS_PORT", "6379")),
            decode_responses=True,
        )

    def on_finish(self):
        self.cache.close()

    def write_json(self, payload, status=200):
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(payload))


class ItemHandler(BaseHandler):
    def get(self, sku):
        cached = self.cache.get(f"item:{sku}")
        if cached:
            self.write_json(json.loads(cached))
            return
        conn = db.pool.getconn()
        try:
            with conn.cursor() as cur:
                cur.execute("SELECT sku, name, on_hand FROM items WHERE sku = %s", (sku,))
                row = cur.fetchone()
        finally:
            db.pool.putconn(conn)
        if row is None:
            raise tornado.web.HTTPError(404)
        item = {"sku": row[0], "name": row[1], "on_hand": row[2]}
        self.cache.setex(f"item:{sku}", 30, json.dumps(item))
        self.write_json(item)


class ReserveHandler(BaseHandler):
    def post(self, sku):
        qty = int(json.loads(self.request.body)["qty"])
        conn = db.pool.getconn()
        with conn.cursor() as cur:
            cur.execute("SELECT on_hand FROM items WHERE sku = %s FOR UPDATE", (sku,))
            row = cur.fetchone()
            if row is None or row[0] < qty:
                conn.rollback()
                self.write_json({"error": "insufficient stock"}, status=409)
                return
            cur.execute("UPDATE items SET on_hand = on_hand - %s WHERE sku = %s", (qty, sku))
        conn.commit()
        db.pool.putconn(conn)
        self.cache.delete(f"item:{sku}")
        self.write_json({"sku": sku, "reserved": qty})


class PriceHandler(BaseHandler):
    async def get(self, sku):
        # AsyncHTTPClient() returns the per-IOLoop shared instance.
        client = AsyncHTTPClient()
        response = await client.fetch(f"{PRICING_URL}/v1/prices/{sku}", request_timeout=5)
        self.write_json(json.loads(response.body))


class ReportHandler(BaseHandler):
    def get(self):
        threshold = int(self.get_argument("below", "10"))
        conn = db.connect()
        try:
            with conn.cursor() as cur:
                cur.execute(
                    "SELECT sku, name, on_hand FROM items WHERE on_hand < %s ORDER BY on_hand",
                    (threshold,),
                )
                rows = cur.fetchall()
        finally:
            conn.close()
        self.write_json([{"sku": r[0], "name": r[1], "on_hand": r[2]} for r in rows])
