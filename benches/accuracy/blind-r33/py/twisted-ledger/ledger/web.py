"""Read API on twisted.web. render_GET runs per request; blocking SQL goes to the thread pool."""
import json
import logging

from sqlalchemy import text
from twisted.internet import reactor, threads
from twisted.web import resource, server

from ledger.db import make_engine

log = logging.getLogger("ledger.web")

BALANCE = text(
    "SELECT account, SUM(amount_minor) AS balance_minor FROM postings WHERE account = :a GROUP BY account"
)


class Balance(resource.Resource):
    isLeaf = True

    def __init__(self, engine):
        super().__init__()
        self.engine = engine

    def render_GET(self, request):
        account = request.args.get(b"account", [b""])[0].decode()
        if not account:
            request.setResponseCode(400)
            return b'{"error": "account required"}'
        d = threads.deferToThread(self._lookup, account)
        d.addCallback(self._write, request)
        d.addErrback(self._fail, request)
        return server.NOT_DONE_YET

    def _lookup(self, account):
        with self.engine.connect() as conn:
            row = conn.execute(BALANCE, {"a": account}).mappings().first()
        return {"account": account, "balance_minor": int(row["balance_minor"]) if row else 0}

    def _write(self, body, request):
        request.setHeader(b"content-type", b"application/json")
        request.write(json.dumps(body).encode())
        request.finish()

    def _fail(self, failure, request):
        log.error("balance lookup failed: %s", failure.getErrorMessage())
        request.setResponseCode(500)
        request.finish()


class Health(resource.Resource):
    isLeaf = True

    def render_GET(self, request):
        return b"ok"


def main():
    logging.basicConfig(level=logging.INFO)
    engine = make_engine()
    root = resource.Resource()
    root.putChild(b"balance", Balance(engine))
    root.putChild(b"healthz", Health())
    reactor.suggestThreadPoolSize(10)
    reactor.addSystemEventTrigger("after", "shutdown", engine.dispose)
    reactor.listenTCP(8080, server.Site(root))
    reactor.run()


if __name__ == "__main__":
    main()
