import cyclone.escape
import cyclone.redis
import cyclone.web
from twisted.internet import defer


class DatabaseMixin:
    """Shared Redis pool; ``setup`` is called once from Application.__init__."""

    redis = None

    @classmethod
    def setup(cls, settings):
        cls.redis = cyclone.redis.lazyConnectionPool(
            settings["redis_host"], settings["redis_port"], settings["redis_db"], settings["redis_poolsize"]
        )


class BaseHandler(cyclone.web.RequestHandler, DatabaseMixin):
    def initialize(self, pg, upstream):
        # cyclone builds a handler per request and calls initialize() with the
        # kwargs given in the URL spec: these are the process-wide clients.
        self.pg = pg
        self.upstream = upstream

    @defer.inlineCallbacks
    def rate(self, base, quote):
        key = f"fx:{base}:{quote}"
        cached = yield self.redis.get(key)
        if cached is not None:
            defer.returnValue(float(cached))
        rows = yield self.pg.runQuery(
            "SELECT rate FROM fx_rates WHERE base = %s AND quote = %s"
            " AND as_of > now() - interval '10 minutes' ORDER BY as_of DESC LIMIT 1",
            (base, quote),
        )
        if rows:
            rate = float(rows[0][0])
        else:
            rates = yield self.upstream.latest(base, [quote])
            rate = float(rates[quote])
            yield self.pg.runOperation(
                "INSERT INTO fx_rates (base, quote, rate, as_of) VALUES (%s, %s, %s, now())",
                (base, quote, rate),
            )
        yield self.redis.setex(key, 60, str(rate))
        defer.returnValue(rate)


class RateHandler(BaseHandler):
    @defer.inlineCallbacks
    def get(self, base, quote):
        rate = yield self.rate(base, quote)
        self.write({"pair": f"{base}/{quote}", "rate": rate})


class QuoteHandler(BaseHandler):
    @defer.inlineCallbacks
    def post(self):
        body = cyclone.escape.json_decode(self.request.body)
        rate = yield self.rate(body["from"], body["to"])
        amount = round(float(body["amount"]) * rate, 2)
        yield self.pg.runOperation(
            "INSERT INTO quotes (customer_id, from_ccy, to_ccy, amount, rate) VALUES (%s, %s, %s, %s, %s)",
            (body["customer_id"], body["from"], body["to"], amount, rate),
        )
        self.write({"amount": amount, "rate": rate})


class HealthHandler(BaseHandler):
    @defer.inlineCallbacks
    def get(self):
        yield self.pg.runQuery("SELECT 1")
        pong = yield self.redis.ping()
        self.write({"db": "ok", "redis": pong})
