"""Order read API (web process)."""
import json

from microdot import Microdot, Response

from common.clients import make_mongo, make_redis

mongo = make_mongo("orders-web")
orders = mongo["shop"]["order_views"]
cache = make_redis()

app = Microdot()
Response.default_content_type = "application/json"


@app.get("/orders/<order_id>")
def get_order(request, order_id):
    hit = cache.get(f"order:{order_id}")
    if hit is not None:
        return hit
    doc = orders.find_one({"_id": order_id}, {"_id": 0})
    if doc is None:
        return {"error": "not found"}, 404
    body = json.dumps(doc, default=str)
    cache.set(f"order:{order_id}", body, ex=60)
    return body


@app.get("/customers/<customer_id>/orders")
def list_orders(request, customer_id):
    limit = min(int(request.args.get("limit", 20)), 100)
    docs = list(
        orders.find({"customer_id": customer_id}, {"_id": 0}).sort("placed_at", -1).limit(limit)
    )
    return json.dumps(docs, default=str)


@app.get("/healthz")
def healthz(request):
    mongo.admin.command("ping")
    return {"ok": True}


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8080)
