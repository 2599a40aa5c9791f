"""Read-only JSON API over stored messages, served by socketify."""
import json
import os

from socketify import App
from sqlalchemy import text

from mailroom.db import make_engine

engine = None


def send_json(res, payload, status: str = "200 OK") -> None:
    res.write_status(status)
    res.write_header("Content-Type", "application/json")
    res.end(json.dumps(payload, default=str))


def list_messages(res, req):
    sender = req.get_query("sender")
    sql = "SELECT id, sender, subject, received_at FROM inbound_messages"
    params = {}
    if sender:
        sql += " WHERE sender ILIKE :sender"
        params["sender"] = f"%{sender}%"
    sql += " ORDER BY received_at DESC LIMIT 50"
    with engine.connect() as conn:
        rows = conn.execute(text(sql), params).mappings().all()
    send_json(res, [dict(r) for r in rows])


def get_message(res, req):
    message_id = int(req.get_parameter(0))
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT id, sender, subject, received_at, raw FROM inbound_messages WHERE id = :id"),
            {"id": message_id},
        ).mappings().first()
    if row is None:
        send_json(res, {"error": "not found"}, "404 Not Found")
    else:
        send_json(res, dict(row))


def main() -> None:
    global engine
    engine = make_engine("web")

    app = App()
    app.get("/messages", list_messages)
    app.get("/messages/:id", get_message)
    app.any("/*", lambda res, req: send_json(res, {"error": "no route"}, "404 Not Found"))
    port = int(os.environ.get("PORT", "3000"))
    app.listen(port, lambda config: print(f"mailroom-web listening on :{config.port}"))
    app.run()


if __name__ == "__main__":
    main()
