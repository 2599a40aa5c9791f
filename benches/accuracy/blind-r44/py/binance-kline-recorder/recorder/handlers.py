"""Websocket callbacks. Each one runs for every message Binance pushes."""
import logging

from recorder import store
from recorder.notify import publish_last_price

log = logging.getLogger("recorder.handlers")


def handle_kline(msg):
    if msg.get("e") == "error":
        log.error("kline stream error: %s", msg.get("m"))
        return

    k = msg["k"]
    if not k["x"]:
        # candle still open; wait for the final update
        return

    conn = store.open_connection()
    try:
        with conn, conn.cursor() as cur:
            cur.execute(store.INSERT_KLINE, store.kline_row(k))
    except Exception:
        log.exception("failed to store kline %s %s", k["s"], k["t"])
    finally:
        conn.close()

    log.debug("stored %s %s close=%s", k["s"], k["i"], k["c"])


def handle_ticker(msg):
    if msg.get("e") == "error":
        log.error("ticker stream error: %s", msg.get("m"))
        return
    publish_last_price(msg["s"], msg["c"], msg["E"])
