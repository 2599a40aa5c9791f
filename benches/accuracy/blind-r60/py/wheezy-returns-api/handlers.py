import json

from wheezy.http import bad_request, not_found
from wheezy.web.handlers import BaseHandler

from clients import make_cache, pg_pool

RMA_TTL = 300


class ReturnHandler(BaseHandler):
    """GET /returns/{rma} -- status of one return authorisation."""

    def get(self):
        rma = self.route_args["rma"]
        cache = make_cache()
        cached = cache.get(f"rma:{rma}")
        if cached is not None:
            return self.json_response(json.loads(cached))

        conn = pg_pool.getconn()
        cur = conn.cursor()
        cur.execute(
            "SELECT rma, order_id, status, refund_cents, updated_at "
            "FROM returns WHERE rma = %s",
            (rma,),
        )
        row = cur.fetchone()
        if row is None:
            return not_found()
        cur.close()
        pg_pool.putconn(conn)

        body = {
            "rma": row[0],
            "order_id": row[1],
            "status": row[2],
            "refund_cents": row[3],
            "updated_at": row[4].isoformat(),
        }
        cache.setex(f"rma:{rma}", RMA_TTL, json.dumps(body))
        return self.json_response(body)


class CreateReturnHandler(BaseHandler):
    """POST /returns -- open a return for an order line."""

    def post(self):
        form = self.request.form
        order_id = (form.get("order_id") or [""])[0]
        sku = (form.get("sku") or [""])[0]
        reason = (form.get("reason") or ["unspecified"])[0]
        if not order_id or not sku:
            return bad_request()

        conn = pg_pool.getconn()
        try:
            with conn, conn.cursor() as cur:
                cur.execute(
                    "INSERT INTO returns (order_id, sku, reason, status) "
                    "VALUES (%s, %s, %s, 'requested') RETURNING rma",
                    (order_id, sku, reason),
                )
                rma = cur.fetchone()[0]
        finally:
            pg_pool.putconn(conn)
        return self.json_response({"rma": rma, "status": "requested"})
