"""Upload portal HTTP front end on twisted.web.

Resource objects are built once in main(); render_GET / render_POST run
for every request. Database work is pushed to the reactor thread pool.
"""
import json
import logging
import os
import sys

from sqlalchemy import text
from twisted.internet import reactor, threads
from twisted.python import log as twisted_log
from twisted.web import resource, server

from portal.common.db import make_engine, make_sessionmaker

log = logging.getLogger("portal.web")

PORT = int(os.environ.get("PORT", "8080"))
THREADS = 8


class Uploads(resource.Resource):
    isLeaf = True

    def __init__(self, sessions):
        super().__init__()
        self.sessions = sessions

    def _list(self, owner):
        with self.sessions() as session:
            rows = session.execute(
                text("SELECT id, filename, status, created_at FROM uploads WHERE owner = :o ORDER BY id DESC LIMIT 50"),
                {"o": owner},
            ).mappings().all()
        return json.dumps([dict(r) for r in rows], default=str).encode()

    def _cancel(self, owner, upload_id):
        with self.sessions.begin() as session:
            result = session.execute(
                text("UPDATE uploads SET status = 'cancelled' WHERE id = :i AND owner = :o AND status = 'pending'"),
                {"i": upload_id, "o": owner},
            )
        return json.dumps({"cancelled": result.rowcount == 1}).encode()

    def _respond(self, body, request):
        request.setHeader(b"content-type", b"application/json")
        request.write(body)
        request.finish()

    def _fail(self, failure, request):
        log.error("request failed: %s", failure.getErrorMessage())
        request.setResponseCode(500)
        request.finish()

    def render_GET(self, request):
        owner = (request.getHeader(b"x-portal-user") or b"").decode()
        d = threads.deferToThread(self._list, owner)
        d.addCallbacks(self._respond, self._fail, callbackArgs=(request,), errbackArgs=(request,))
        return server.NOT_DONE_YET

    def render_POST(self, request):
        owner = (request.getHeader(b"x-portal-user") or b"").decode()
        payload = json.loads(request.content.read() or b"{}")
        d = threads.deferToThread(self._cancel, owner, int(payload["id"]))
        d.addCallbacks(self._respond, self._fail, callbackArgs=(request,), errbackArgs=(request,))
        return server.NOT_DONE_YET


def main():
    logging.basicConfig(level=logging.INFO)
    twisted_log.startLogging(sys.stdout)
    engine = make_engine(pool_size=THREADS, application_name="portal-web")
    sessions = make_sessionmaker(engine)

    root = resource.Resource()
    root.putChild(b"uploads", Uploads(sessions))

    reactor.suggestThreadPoolSize(THREADS)
    reactor.addSystemEventTrigger("after", "shutdown", engine.dispose)
    reactor.listenTCP(PORT, server.Site(root))
    reactor.run()


if __name__ == "__main__":
    main()
