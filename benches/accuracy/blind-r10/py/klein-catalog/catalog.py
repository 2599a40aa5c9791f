import json

import treq
from klein import Klein
from twisted.enterprise import adbapi
from twisted.internet import defer
from twisted.web.client import HTTPConnectionPool


class CatalogApp:
    app = Klein()

    def __init__(self, dbpool: adbapi.ConnectionPool, http_pool: HTTPConnectionPool, stock_url: str) -> None:
        self.dbpool = dbpool
        self.http_pool = http_pool
        self.stock_url = stock_url

    @app.route("/products/<int:product_id>", methods=["GET"])
    @defer.inlineCallbacks
    def product(self, request, product_id):
        rows = yield self.dbpool.runQuery(
            "SELECT id, name, price_cents FROM products WHERE id = %s", (product_id,)
        )
        request.setHeader(b"Content-Type", b"application/json")
        if not rows:
            request.setResponseCode(404)
            return json.dumps({"error": "not found"})
        resp = yield treq.get(f"{self.stock_url}/stock/{product_id}", pool=self.http_pool, timeout=5)
        stock = (yield resp.json()) if resp.code == 200 else {"available": None}
        pid, name, price = rows[0]
        return json.dumps({"id": pid, "name": name, "price_cents": price, "available": stock["available"]})

    @app.route("/products", methods=["POST"])
    @defer.inlineCallbacks
    def create(self, request):
        body = json.loads(request.content.read())
        product_id = yield self.dbpool.runInteraction(self._insert_product, body)
        request.setResponseCode(201)
        request.setHeader(b"Content-Type", b"application/json")
        return json.dumps({"id": product_id})

    @staticmethod
    def _insert_product(txn, body):
        txn.execute(
            "INSERT INTO products (name, price_cents) VALUES (%s, %s) RETURNING id",
            (body["name"], int(body["price_cents"])),
        )
        product_id = txn.fetchone()[0]
        txn.execute("INSERT INTO product_events (product_id, kind) VALUES (%s, 'created')", (product_id,))
        return product_id
