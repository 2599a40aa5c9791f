"""nng REQ/REP stock lookup service: one request per recv() on the Rep0 socket."""
import logging
import os

import msgpack
import pynng
from sqlalchemy import Engine, text

from db import make_engine

log = logging.getLogger("stock-rpc")
LISTEN = os.environ.get("STOCK_RPC_LISTEN", "tcp://0.0.0.0:5557")


def handle(engine: Engine, request: dict) -> dict:
    op = request.get("op")
    if op == "level":
        with engine.connect() as conn:
            qty = conn.execute(
                text("SELECT qty FROM stock WHERE sku = :sku AND site = :site"),
                {"sku": request["sku"], "site": request["site"]},
            ).scalar()
        return {"ok": True, "qty": qty or 0}
    if op == "reserve":
        with engine.begin() as conn:
            changed = conn.execute(
                text(
                    "UPDATE stock SET qty = qty - :n "
                    "WHERE sku = :sku AND site = :site AND qty >= :n"
                ),
                {"n": request["qty"], "sku": request["sku"], "site": request["site"]},
            ).rowcount
        return {"ok": bool(changed)}
    return {"ok": False, "error": f"unknown op {op!r}"}


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    engine = make_engine(pool_size=4)
    with pynng.Rep0(listen=LISTEN) as sock:
        log.info("listening on %s", LISTEN)
        while True:
            raw = sock.recv()
            try:
                reply = handle(engine, msgpack.unpackb(raw))
            except Exception as exc:
                log.exception("request failed")
                reply = {"ok": False, "error": str(exc)}
            sock.send(msgpack.packb(reply))


if __name__ == "__main__":
    main()
