"""GET /rates?base=EUR -> current exchange rates for the storefront currency picker."""

import json
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlparse

import httpx

from lib.clients import fx

SUPPORTED = ("EUR", "USD", "GBP", "CHF", "SEK")


class handler(BaseHTTPRequestHandler):
    def do_GET(self):
        query = parse_qs(urlparse(self.path).query)
        base = query.get("base", ["EUR"])[0].upper()
        if base not in SUPPORTED:
            self._json(400, {"error": f"unsupported base {base}"})
            return
        try:
            resp = fx().get("/latest", params={"from": base, "to": ",".join(c for c in SUPPORTED if c != base)})
            resp.raise_for_status()
        except httpx.HTTPError:
            self._json(502, {"error": "rates unavailable"})
            return
        self._json(200, {"base": base, "rates": resp.json()["rates"]}, cache="s-maxage=300")

    def _json(self, status, body, cache="no-store"):
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Cache-Control", cache)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)
