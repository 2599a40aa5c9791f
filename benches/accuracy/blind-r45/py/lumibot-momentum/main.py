import os

from lumibot.brokers import Alpaca
from lumibot.traders import Trader

from journal import Base, engine
from strategy import MomentumRotation

ALPACA_CONFIG = {
    "API_KEY": os.environ["ALPACA_API_KEY"],
    "API_SECRET": os.environ["ALPACA_API_SECRET"],
    "PAPER": os.environ.get("ALPACA_PAPER", "true") == "true",
}

if __name__ == "__main__":
    Base.metadata.create_all(engine)
    broker = Alpaca(ALPACA_CONFIG)
    strategy = MomentumRotation(broker=broker)
    trader = Trader()
    trader.add_strategy(strategy)
    trader.run_all()
