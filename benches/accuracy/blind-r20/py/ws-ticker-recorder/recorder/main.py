import logging
import os

import websocket

from . import clients
from .handler import Recorder


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    engine = clients.make_engine(os.environ.get("RECORDER_DB_URL", "postgresql+psycopg://rec@db/market"))
    bus = clients.make_redis(os.environ.get("RECORDER_REDIS_URL", "redis://localhost:6379/0"))
    symbols = os.environ.get("RECORDER_SYMBOLS", "BTCUSDT,ETHUSDT").split(",")

    recorder = Recorder("binance", symbols, engine, bus)
    ws = websocket.WebSocketApp(
        "wss://stream.binance.com:9443/ws",
        on_open=recorder.on_open,
        on_message=recorder.on_message,
        on_error=recorder.on_error,
        on_close=recorder.on_close,
    )
    try:
        ws.run_forever(ping_interval=20, ping_timeout=10, reconnect=5)
    finally:
        clients.close_rest_clients()
        bus.close()
        engine.dispose()


if __name__ == "__main__":
    main()
