import json

from flask import Flask, abort, jsonify
from flask_sock import Sock
from sqlalchemy import text

from statusboard.db import make_engine

TERMINAL = {"SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED"}
STATE_SQL = text(
    "SELECT execution_id, state, step, updated_at FROM executions WHERE execution_id = :id"
)

sock = Sock()


def create_app() -> Flask:
    app = Flask(__name__)
    app.config["SOCK_SERVER_OPTIONS"] = {"ping_interval": 25}
    engine = make_engine()
    app.extensions["db_engine"] = engine
    sock.init_app(app)

    def load(execution_id):
        with engine.connect() as conn:
            row = conn.execute(STATE_SQL, {"id": execution_id}).mappings().first()
        if row is None:
            return None
        return {**row, "updated_at": row["updated_at"].isoformat()}

    @app.get("/healthz")
    def healthz():
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return {"ok": True}

    @app.get("/api/executions/<execution_id>")
    def execution(execution_id):
        state = load(execution_id)
        if state is None:
            abort(404)
        return jsonify(state)

    @sock.route("/ws/executions/<execution_id>")
    def stream(ws, execution_id):
        last = None
        while True:
            state = load(execution_id)
            if state != last:
                ws.send(json.dumps(state))
                last = state
            if state is not None and state["state"] in TERMINAL:
                break
            if ws.receive(timeout=2) == "close":
                break

    return app
