import json

import web
from sqlalchemy import text

from webapp.db import SessionLocal, engine, stream

urls = (
    "/orders", "Orders",
    "/orders/(\\d+)", "Order",
)
app = web.application(urls, globals())


class Orders:
    def GET(self):
        params = web.input(status="pending")
        with SessionLocal() as session:
            rows = session.execute(
                text("SELECT id, customer, status FROM orders WHERE status = :s ORDER BY id DESC LIMIT 100"),
                {"s": params.status},
            ).mappings().all()
        web.header("Content-Type", "application/json")
        return json.dumps([dict(r) for r in rows])

    def POST(self):
        data = json.loads(web.data())
        with engine.begin() as conn:
            order_id = conn.execute(
                text("INSERT INTO orders (customer, items, status) VALUES (:c, :i, 'pending') RETURNING id"),
                {"c": data["customer"], "i": json.dumps(data["items"])},
            ).scalar_one()
        stream.xadd("orders:new", {"order_id": order_id}, maxlen=100_000, approximate=True)
        web.ctx.status = "201 Created"
        web.header("Content-Type", "application/json")
        return json.dumps({"id": order_id})


class Order:
    def GET(self, order_id):
        with SessionLocal() as session:
            row = session.execute(
                text("SELECT id, customer, items, status FROM orders WHERE id = :id"), {"id": int(order_id)}
            ).mappings().first()
        if row is None:
            raise web.notfound()
        web.header("Content-Type", "application/json")
        return json.dumps(dict(row), default=str)


application = app.wsgifunc()

if __name__ == "__main__":
    app.run()
