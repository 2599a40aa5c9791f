"""JSON-RPC API for the NOC dashboard (Procfile `web`, gunicorn)."""
import typing as t
from datetime import datetime, timedelta, timezone

from flask import Flask
from flask_jsonrpc import JSONRPC
from sqlalchemy import func, select

from .db import counters, make_engine

app = Flask(__name__)
jsonrpc = JSONRPC(app, "/rpc", enable_web_browsable_api=False)

engine = make_engine()


@jsonrpc.method("Interfaces.errors")
def interface_errors(device: str, minutes: int = 15) -> t.List[t.Dict[str, t.Any]]:
    since = datetime.now(timezone.utc) - timedelta(minutes=minutes)
    stmt = (
        select(
            counters.c.interface,
            (func.max(counters.c.in_errors) - func.min(counters.c.in_errors)).label("in_errors"),
            (func.max(counters.c.out_errors) - func.min(counters.c.out_errors)).label("out_errors"),
        )
        .where(counters.c.device == device, counters.c.ts >= since)
        .group_by(counters.c.interface)
        .order_by(counters.c.interface)
    )
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(stmt)]


@jsonrpc.method("Devices.list")
def devices() -> t.List[str]:
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(select(counters.c.device).distinct().order_by(counters.c.device))]
