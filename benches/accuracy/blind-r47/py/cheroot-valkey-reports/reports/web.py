import json
import logging
import os
from urllib.parse import parse_qs

from cheroot import wsgi
from sqlalchemy import text

from .db import make_engine

log = logging.getLogger("reports.web")

DAILY_SQL = text(
    "SELECT day, orders, revenue_cents FROM daily_sales "
    "WHERE store_id = :store AND day >= CURDATE() - INTERVAL :days DAY ORDER BY day"
)


class ReportsApp:
    def __init__(self, engine):
        self.engine = engine

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "/")
        if path == "/healthz":
            return self._json(start_response, "200 OK", {"ok": True})
        if path != "/api/daily":
            return self._json(start_response, "404 Not Found", {"error": "not found"})

        qs = parse_qs(environ.get("QUERY_STRING", ""))
        try:
            store = int(qs["store"][0])
            days = min(int(qs.get("days", ["30"])[0]), 365)
        except (KeyError, ValueError):
            return self._json(start_response, "400 Bad Request", {"error": "store is required"})

        with self.engine.connect() as conn:
            rows = conn.execute(DAILY_SQL, {"store": store, "days": days}).mappings().all()
        data = [{"day": r["day"].isoformat(), "orders": r["orders"], "revenue_cents": r["revenue_cents"]} for r in rows]
        return self._json(start_response, "200 OK", {"store": store, "days": data})

    @staticmethod
    def _json(start_response, status, payload):
        body = json.dumps(payload).encode()
        start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
        return [body]


def main():
    logging.basicConfig(level=logging.INFO)
    engine = make_engine(pool_size=10)
    server = wsgi.Server(("0.0.0.0", int(os.environ.get("PORT", "8080"))), ReportsApp(engine), numthreads=10)
    try:
        server.start()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        engine.dispose()


if __name__ == "__main__":
    main()
