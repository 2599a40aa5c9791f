import json

from sqlalchemy import text
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from . import clients
from .jobs import make_thumbnails

url_map = Map([
    Rule("/media/<int:media_id>", endpoint="show", methods=["GET"]),
    Rule("/media/<int:media_id>/thumbnails", endpoint="enqueue", methods=["POST"]),
])


def show(request, media_id):
    cached = clients.cache().get(f"media:{media_id}")
    if cached:
        return Response(cached, mimetype="application/json")
    with clients.engine().connect() as conn:
        row = conn.execute(
            text("SELECT id, s3_key, thumbs_ready FROM media WHERE id = :id"), {"id": media_id}
        ).mappings().first()
    if row is None:
        return Response("not found", status=404)
    body = json.dumps(dict(row))
    clients.cache().setex(f"media:{media_id}", 60, body)
    return Response(body, mimetype="application/json")


def enqueue(request, media_id):
    key = request.get_json()["key"]
    make_thumbnails.spool(key=key, media_id=media_id)
    return Response(status=202)


@Request.application
def application(request):
    adapter = url_map.bind_to_environ(request.environ)
    endpoint, values = adapter.match()
    return {"show": show, "enqueue": enqueue}[endpoint](request, **values)
