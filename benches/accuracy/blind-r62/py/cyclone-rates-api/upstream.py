"""Upstream FX provider. cyclone.httpclient.fetch opens a plain, non-persistent
Twisted Agent request per call (no connection pool is kept)."""
import cyclone.escape
import cyclone.httpclient
import cyclone.web
from twisted.internet import defer


class UpstreamRates:
    def __init__(self, base_url, api_key):
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key

    @defer.inlineCallbacks
    def latest(self, base, symbols):
        url = f"{self.base_url}/latest?base={base}&symbols={','.join(symbols)}"
        resp = yield cyclone.httpclient.fetch(url, headers={"apikey": [self.api_key]})
        if resp.code != 200:
            raise cyclone.web.HTTPError(502, f"upstream answered {resp.code}")
        data = cyclone.escape.json_decode(resp.body)
        defer.returnValue(data["rates"])
