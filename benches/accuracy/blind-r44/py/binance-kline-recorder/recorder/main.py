"""Record closed 1m klines from Binance into Postgres.

Runs as a long-lived process (systemd unit ``kline-recorder.service``).
ThreadedWebsocketManager runs its own asyncio loop in a background thread
and calls our callbacks once for every websocket message it receives.
"""
import logging
import os
import signal
import sys

from binance import Client, ThreadedWebsocketManager

from recorder import store
from recorder.handlers import handle_kline, handle_ticker

log = logging.getLogger("recorder")

SYMBOLS = [s.strip().upper() for s in os.environ.get("SYMBOLS", "BTCUSDT,ETHUSDT,SOLUSDT").split(",")]
INTERVAL = os.environ.get("KLINE_INTERVAL", Client.KLINE_INTERVAL_1MINUTE)


def tradable(symbols):
    # One REST client for start-up only: filter out delisted / halted pairs.
    rest = Client(os.environ.get("BINANCE_API_KEY"), os.environ.get("BINANCE_API_SECRET"))
    try:
        info = rest.get_exchange_info()
    finally:
        rest.close_connection()
    live = {s["symbol"] for s in info["symbols"] if s["status"] == "TRADING"}
    missing = [s for s in symbols if s not in live]
    if missing:
        log.warning("skipping symbols that are not trading: %s", ", ".join(missing))
    return [s for s in symbols if s in live]


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    store.ensure_schema()

    symbols = tradable(SYMBOLS)
    if not symbols:
        log.error("nothing to record")
        sys.exit(1)

    twm = ThreadedWebsocketManager(
        api_key=os.environ.get("BINANCE_API_KEY"),
        api_secret=os.environ.get("BINANCE_API_SECRET"),
    )
    twm.start()

    for symbol in symbols:
        twm.start_kline_socket(callback=handle_kline, symbol=symbol, interval=INTERVAL)
        twm.start_symbol_ticker_socket(callback=handle_ticker, symbol=symbol)
        log.info("subscribed %s %s", symbol, INTERVAL)

    def shutdown(signum, frame):
        log.info("stopping websocket manager")
        twm.stop()

    signal.signal(signal.SIGTERM, shutdown)
    twm.join()


if __name__ == "__main__":
    main()
