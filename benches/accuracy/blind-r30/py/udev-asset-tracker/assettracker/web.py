"""Web process: webhook receiver for the CI system plus a JSON listing,
served by gunicorn. Plain Werkzeug, no framework."""
import json

from sqlalchemy import text
from werkzeug.exceptions import HTTPException, NotFound
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from .dbconf import make_engine

engine = make_engine()

url_map = Map(
    [
        Rule("/fixtures", endpoint="list_fixtures", methods=["GET"]),
        Rule("/hooks/ci", endpoint="ci_hook", methods=["POST"]),
    ]
)


def list_fixtures(request: Request) -> Response:
    bench = request.args.get("bench")
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT serial, bench, plugged_at FROM fixtures "
                "WHERE (:bench IS NULL OR bench = :bench) ORDER BY bench, serial"
            ),
            {"bench": bench},
        ).mappings().all()
    return Response(json.dumps([dict(r) for r in rows], default=str), mimetype="application/json")


def ci_hook(request: Request) -> Response:
    payload = request.get_json()
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE fixtures SET reserved_by = :job WHERE serial = ANY(:serials)"),
            {"job": payload["job_id"], "serials": payload.get("fixtures", [])},
        )
    return Response(status=204)


HANDLERS = {"list_fixtures": list_fixtures, "ci_hook": ci_hook}


@Request.application
def app(request: Request) -> Response:
    adapter = url_map.bind_to_environ(request.environ)
    try:
        endpoint, _ = adapter.match()
        handler = HANDLERS.get(endpoint)
        if handler is None:
            raise NotFound()
        return handler(request)
    except HTTPException as exc:
        return exc
