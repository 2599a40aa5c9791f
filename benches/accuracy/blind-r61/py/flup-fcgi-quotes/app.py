import json
from urllib.parse import parse_qs

from psycopg2.extras import RealDictCursor


def make_app(pool, cache):
    """Builds the WSGI callable; flup calls the returned function once per request."""

    def respond(start_response, status, body):
        payload = json.dumps(body, default=str).encode()
        start_response(status, [("Content-Type", "application/json"),
                                ("Content-Length", str(len(payload)))])
        return [payload]

    def quote(symbol):
        cached = cache.get(f"quote:{symbol}")
        if cached is not None:
            return json.loads(cached)
        conn = pool.getconn()
        try:
            with conn.cursor(cursor_factory=RealDictCursor) as cur:
                cur.execute(
                    "SELECT symbol, bid, ask, updated_at FROM quotes WHERE symbol = %s",
                    (symbol,),
                )
                row = cur.fetchone()
            conn.rollback()
        finally:
            pool.putconn(conn)
        if row is not None:
            cache.setex(f"quote:{symbol}", 5, json.dumps(row, default=str))
        return row

    def application(environ, start_response):
        if environ["REQUEST_METHOD"] != "GET":
            return respond(start_response, "405 Method Not Allowed", {"error": "GET only"})
        params = parse_qs(environ.get("QUERY_STRING", ""))
        symbol = (params.get("symbol") or [""])[0].upper()
        if not symbol:
            return respond(start_response, "400 Bad Request", {"error": "symbol required"})
        row = quote(symbol)
        if row is None:
            return respond(start_response, "404 Not Found", {"error": f"no quote for {symbol}"})
        return respond(start_response, "200 OK", row)

    return application
