"""Billing JSON-RPC endpoint on a threaded Werkzeug server."""
import logging
import os

from jsonrpcserver import dispatch
from werkzeug.serving import run_simple
from werkzeug.wrappers import Request, Response

import methods  # noqa: F401  (registers the @method functions)
from deps import RequestContext, get_sessionmaker, get_tax_client

log = logging.getLogger("billing-rpc")


@Request.application
def application(request: Request) -> Response:
    if request.method != "POST" or request.path != "/rpc":
        return Response("not found", status=404)
    SessionLocal = get_sessionmaker()
    with SessionLocal() as session:
        context = RequestContext(
            session=session,
            tax=get_tax_client(),
            caller=request.headers.get("X-Caller", "anonymous"),
        )
        body = dispatch(request.get_data(as_text=True), context=context)
    return Response(body, content_type="application/json")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    get_sessionmaker()  # warm the pool before accepting traffic
    run_simple(
        "0.0.0.0",
        int(os.environ.get("PORT", "8040")),
        application,
        threaded=True,
        use_reloader=False,
    )


if __name__ == "__main__":
    main()
