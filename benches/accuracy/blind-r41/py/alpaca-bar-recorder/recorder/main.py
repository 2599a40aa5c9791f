"""Record minute bars and post fills to chat.

Two alpaca-py websocket streams; each run() owns its own event loop, so the
trading stream runs on a background thread.
"""
import logging
import threading

from alpaca.data.enums import DataFeed
from alpaca.data.live import StockDataStream
from alpaca.trading.stream import TradingStream

from recorder import config, handlers


def main() -> None:
    logging.basicConfig(level=logging.INFO)

    trade_stream = TradingStream(config.API_KEY, config.API_SECRET, paper=config.PAPER)
    trade_stream.subscribe_trade_updates(handlers.on_trade_update)
    threading.Thread(target=trade_stream.run, name="trade-updates", daemon=True).start()

    data_stream = StockDataStream(config.API_KEY, config.API_SECRET, feed=DataFeed.IEX)
    data_stream.subscribe_bars(handlers.on_bar, *config.SYMBOLS)
    data_stream.run()


if __name__ == "__main__":
    main()
