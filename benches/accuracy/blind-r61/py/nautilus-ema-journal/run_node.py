"""Live trading node: one process, runs until SIGINT."""
import os
from decimal import Decimal

from nautilus_trader.adapters.binance.common.enums import BinanceAccountType
from nautilus_trader.adapters.binance.config import (
    BinanceDataClientConfig,
    BinanceExecClientConfig,
)
from nautilus_trader.adapters.binance.factories import (
    BinanceLiveDataClientFactory,
    BinanceLiveExecClientFactory,
)
from nautilus_trader.config import LoggingConfig, TradingNodeConfig
from nautilus_trader.live.node import TradingNode
from nautilus_trader.model.data import BarType
from nautilus_trader.model.identifiers import InstrumentId, TraderId

from journal.strategy import EmaCrossJournal, EmaCrossJournalConfig


def main() -> None:
    config = TradingNodeConfig(
        trader_id=TraderId("JOURNAL-001"),
        logging=LoggingConfig(log_level="INFO"),
        data_clients={
            "BINANCE": BinanceDataClientConfig(
                api_key=os.environ["BINANCE_API_KEY"],
                api_secret=os.environ["BINANCE_API_SECRET"],
                account_type=BinanceAccountType.SPOT,
            ),
        },
        exec_clients={
            "BINANCE": BinanceExecClientConfig(
                api_key=os.environ["BINANCE_API_KEY"],
                api_secret=os.environ["BINANCE_API_SECRET"],
                account_type=BinanceAccountType.SPOT,
            ),
        },
    )
    node = TradingNode(config=config)
    strategy = EmaCrossJournal(
        EmaCrossJournalConfig(
            instrument_id=InstrumentId.from_str("ETHUSDT.BINANCE"),
            bar_type=BarType.from_str("ETHUSDT.BINANCE-1-MINUTE-LAST-EXTERNAL"),
            trade_size=Decimal("0.05"),
            redis_url=os.environ.get("REDIS_URL", "redis://localhost:6379/0"),
            journal_dsn=os.environ["JOURNAL_DSN"],
            slack_webhook=os.environ.get("SLACK_WEBHOOK"),
        )
    )
    node.trader.add_strategy(strategy)
    node.add_data_client_factory("BINANCE", BinanceLiveDataClientFactory)
    node.add_exec_client_factory("BINANCE", BinanceLiveExecClientFactory)
    node.build()
    try:
        node.run()
    finally:
        node.dispose()


if __name__ == "__main__":
    main()
