"""FX rates API on cyclone/Twisted (twistd -n cyclone style, run via systemd)."""
import os
import sys

import cyclone.web
from twisted.internet import defer, reactor, task
from twisted.python import log
from txpostgres import txpostgres

from handlers import DatabaseMixin, HealthHandler, QuoteHandler, RateHandler
from upstream import UpstreamRates

MAJORS = ["USD", "GBP", "CHF", "JPY", "PLN"]


class Application(cyclone.web.Application):
    def __init__(self, pg, upstream, settings):
        DatabaseMixin.setup(settings)
        deps = dict(pg=pg, upstream=upstream)
        handlers = [
            (r"/v1/rates/([A-Z]{3})/([A-Z]{3})", RateHandler, deps),
            (r"/v1/quotes", QuoteHandler, deps),
            (r"/healthz", HealthHandler, deps),
        ]
        cyclone.web.Application.__init__(self, handlers, xheaders=True)


@defer.inlineCallbacks
def refresh_majors(pg, upstream):
    rates = yield upstream.latest("EUR", MAJORS)
    for quote, rate in rates.items():
        yield pg.runOperation(
            "INSERT INTO fx_rates (base, quote, rate, as_of) VALUES ('EUR', %s, %s, now())",
            (quote, rate),
        )


@defer.inlineCallbacks
def start():
    settings = {
        "redis_host": os.environ.get("REDIS_HOST", "127.0.0.1"),
        "redis_port": 6379,
        "redis_db": 3,
        "redis_poolsize": 8,
    }
    pg = txpostgres.ConnectionPool(None, os.environ["RATES_DSN"], min=6)
    yield pg.start()
    upstream = UpstreamRates(os.environ["FX_UPSTREAM_URL"], os.environ["FX_API_KEY"])

    refresher = task.LoopingCall(refresh_majors, pg, upstream)
    refresher.start(300, now=True)

    reactor.listenTCP(int(os.environ.get("PORT", "8888")), Application(pg, upstream, settings))
    reactor.addSystemEventTrigger("before", "shutdown", pg.close)


if __name__ == "__main__":
    log.startLogging(sys.stdout)
    reactor.callWhenRunning(start)
    reactor.run()
