from __future__ import annotations

from decimal import Decimal

import httpx
import redis

from nautilus_trader.config import StrategyConfig
from nautilus_trader.indicators.average.ema import ExponentialMovingAverage
from nautilus_trader.model.data import Bar, BarType
from nautilus_trader.model.enums import OrderSide, TimeInForce
from nautilus_trader.model.events import OrderFilled
from nautilus_trader.model.identifiers import InstrumentId
from nautilus_trader.model.instruments import Instrument
from nautilus_trader.trading.strategy import Strategy

from journal.store import record_fill


class EmaCrossJournalConfig(StrategyConfig, frozen=True):
    instrument_id: InstrumentId
    bar_type: BarType
    trade_size: Decimal
    fast_ema_period: int = 10
    slow_ema_period: int = 20
    redis_url: str = "redis://localhost:6379/0"
    journal_dsn: str = "postgresql+psycopg2://journal@localhost/journal"
    slack_webhook: str | None = None


class EmaCrossJournal(Strategy):
    def __init__(self, config: EmaCrossJournalConfig) -> None:
        super().__init__(config)
        self.instrument: Instrument | None = None
        self.fast_ema = ExponentialMovingAverage(config.fast_ema_period)
        self.slow_ema = ExponentialMovingAverage(config.slow_ema_period)
        self._slack: httpx.Client | None = None

    def on_start(self) -> None:
        self.instrument = self.cache.instrument(self.config.instrument_id)
        if self.instrument is None:
            self.log.error(f"Could not find instrument for {self.config.instrument_id}")
            self.stop()
            return
        self.register_indicator_for_bars(self.config.bar_type, self.fast_ema)
        self.register_indicator_for_bars(self.config.bar_type, self.slow_ema)
        self.request_bars(self.config.bar_type)
        self.subscribe_bars(self.config.bar_type)
        if self.config.slack_webhook:
            self._slack = httpx.Client(timeout=5.0)

    def on_bar(self, bar: Bar) -> None:
        feed = redis.Redis.from_url(self.config.redis_url)
        feed.publish(
            f"bars:{bar.bar_type}",
            f"{bar.ts_event} {bar.open} {bar.high} {bar.low} {bar.close} {bar.volume}",
        )
        if not self.indicators_initialized():
            return
        if self.fast_ema.value >= self.slow_ema.value:
            if self.portfolio.is_flat(self.config.instrument_id):
                self._enter(OrderSide.BUY)
        elif self.portfolio.is_net_long(self.config.instrument_id):
            self.close_all_positions(self.config.instrument_id)

    def _enter(self, side: OrderSide) -> None:
        order = self.order_factory.market(
            instrument_id=self.config.instrument_id,
            order_side=side,
            quantity=self.instrument.make_qty(self.config.trade_size),
            time_in_force=TimeInForce.GTC,
        )
        self.submit_order(order)

    def on_order_filled(self, event: OrderFilled) -> None:
        record_fill(self.config.journal_dsn, event)
        if self._slack is not None:
            self._slack.post(
                self.config.slack_webhook,
                json={
                    "text": f"Filled {event.order_side.name} {event.last_qty} "
                    f"{event.instrument_id} @ {event.last_px}"
                },
            )

    def on_stop(self) -> None:
        self.cancel_all_orders(self.config.instrument_id)
        self.close_all_positions(self.config.instrument_id)
        self.unsubscribe_bars(self.config.bar_type)
        if self._slack is not None:
            self._slack.close()
            self._slack = None
