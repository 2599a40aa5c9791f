import json
import os

import requests
from flask_restx import Namespace, Resource, abort, fields

from db import Product, Session, get_redis

ns = Namespace("products", description="Product catalogue")

product_model = ns.model(
    "Product",
    {
        "id": fields.Integer(readonly=True),
        "name": fields.String(required=True),
        "price_cents": fields.Integer(required=True),
        "stock": fields.Integer,
    },
)

INVENTORY_URL = os.environ.get("INVENTORY_URL", "http://inventory:8080")
inventory = requests.Session()
inventory.headers["User-Agent"] = "products-api/1.0"


def _to_dict(p: Product) -> dict:
    return {"id": p.id, "name": p.name, "price_cents": p.price_cents, "stock": p.stock}


@ns.route("/")
class ProductList(Resource):
    @ns.marshal_list_with(product_model)
    def get(self):
        return [_to_dict(p) for p in Session.query(Product).order_by(Product.id).limit(100)]

    @ns.expect(product_model, validate=True)
    @ns.marshal_with(product_model, code=201)
    def post(self):
        p = Product(name=ns.payload["name"], price_cents=ns.payload["price_cents"])
        Session.add(p)
        Session.commit()
        return _to_dict(p), 201


@ns.route("/<int:product_id>")
class ProductItem(Resource):
    @ns.marshal_with(product_model)
    def get(self, product_id):
        cache = get_redis()
        hit = cache.get(f"product:{product_id}")
        if hit:
            return json.loads(hit)
        p = Session.get(Product, product_id)
        if p is None:
            abort(404, "product not found")
        data = _to_dict(p)
        cache.setex(f"product:{product_id}", 60, json.dumps(data))
        return data


@ns.route("/<int:product_id>/sync-stock")
class SyncStock(Resource):
    def post(self, product_id):
        p = Session.get(Product, product_id)
        if p is None:
            abort(404, "product not found")
        resp = inventory.get(f"{INVENTORY_URL}/stock/{product_id}", timeout=5)
        resp.raise_for_status()
        p.stock = resp.json()["available"]
        Session.commit()
        get_redis().delete(f"product:{product_id}")
        return {"stock": p.stock}
