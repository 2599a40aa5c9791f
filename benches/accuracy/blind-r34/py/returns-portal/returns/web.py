"""Customer returns status pages on twisted.web. render_GET runs per request."""
import json
import os

from sqlalchemy import text
from twisted.internet import endpoints, reactor
from twisted.web import resource, server

from returns.dbconf import make_engine


class ReturnStatus(resource.Resource):
    isLeaf = True

    def __init__(self, engine):
        super().__init__()
        self.engine = engine

    def render_GET(self, request):
        rma = request.postpath[0].decode() if request.postpath else ""
        with self.engine.connect() as conn:
            row = conn.execute(
                text("SELECT rma, status, refund_minor, updated_at FROM returns WHERE rma = :rma"),
                {"rma": rma},
            ).mappings().first()
        request.setHeader(b"content-type", b"application/json")
        if row is None:
            request.setResponseCode(404)
            return b'{"error": "unknown RMA"}'
        return json.dumps(dict(row), default=str).encode()


class Root(resource.Resource):
    def __init__(self, engine):
        super().__init__()
        self.putChild(b"returns", ReturnStatus(engine))


def main():
    engine = make_engine(pool_size=int(os.environ.get("WEB_POOL", "5")))
    site = server.Site(Root(engine))
    endpoints.serverFromString(reactor, "tcp:%s" % os.environ.get("PORT", "8080")).listen(site)
    reactor.addSystemEventTrigger("after", "shutdown", engine.dispose)
    reactor.run()


if __name__ == "__main__":
    main()
