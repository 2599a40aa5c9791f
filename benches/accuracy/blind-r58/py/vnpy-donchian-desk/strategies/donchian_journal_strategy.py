"""Donchian breakout on 15-minute bars with a fill journal and a live desk dashboard feed."""

import os

import redis
from vnpy_ctastrategy import (
    ArrayManager,
    BarData,
    BarGenerator,
    CtaTemplate,
    OrderData,
    StopOrder,
    TickData,
    TradeData,
)

from strategies.risk_limits import daily_loss_limit, max_position, record_breach
from strategies.trade_journal import record_fill

DASHBOARD_REDIS_HOST = os.environ.get("DESK_REDIS_HOST", "10.0.3.21")


class DonchianJournalStrategy(CtaTemplate):
    author = "desk-3"

    entry_window = 20
    exit_window = 10
    atr_window = 14
    fixed_size = 1

    entry_up = 0.0
    entry_down = 0.0
    exit_up = 0.0
    exit_down = 0.0
    atr_value = 0.0

    parameters = ["entry_window", "exit_window", "atr_window", "fixed_size"]
    variables = ["entry_up", "entry_down", "exit_up", "exit_down", "atr_value"]

    def __init__(self, cta_engine, strategy_name, vt_symbol, setting):
        super().__init__(cta_engine, strategy_name, vt_symbol, setting)
        self.bg = BarGenerator(self.on_bar, 15, self.on_15min_bar)
        self.am = ArrayManager()
        self.loss_limit = 0.0
        self.position_cap = 1

    def on_init(self):
        self.write_log("strategy init")
        self.loss_limit = daily_loss_limit(self.strategy_name)
        self.position_cap = max_position(self.strategy_name)
        self.load_bar(10)

    def on_start(self):
        self.write_log("strategy started")

    def on_stop(self):
        self.write_log("strategy stopped")

    def on_tick(self, tick: TickData):
        self.bg.update_tick(tick)

    def on_bar(self, bar: BarData):
        self.bg.update_bar(bar)
        self.publish_dashboard(bar)

    def on_15min_bar(self, bar: BarData):
        self.cancel_all()
        am = self.am
        am.update_bar(bar)
        if not am.inited:
            return

        self.entry_up, self.entry_down = am.donchian(self.entry_window)
        self.exit_up, self.exit_down = am.donchian(self.exit_window)
        self.atr_value = am.atr(self.atr_window)

        size = min(self.fixed_size, self.position_cap)
        if self.pos == 0:
            self.buy(self.entry_up, size, stop=True)
            self.short(self.entry_down, size, stop=True)
        elif self.pos > 0:
            stop_price = max(self.exit_down, bar.close_price - 2 * self.atr_value)
            self.sell(stop_price, abs(self.pos), stop=True)
        else:
            stop_price = min(self.exit_up, bar.close_price + 2 * self.atr_value)
            self.cover(stop_price, abs(self.pos), stop=True)

        self.put_event()

    def publish_dashboard(self, bar: BarData):
        r = redis.Redis(host=DASHBOARD_REDIS_HOST, port=6379, db=2, decode_responses=True)
        r.hset(
            f"cta:{self.strategy_name}",
            mapping={
                "symbol": self.vt_symbol,
                "close": bar.close_price,
                "pos": self.pos,
                "entry_up": self.entry_up,
                "entry_down": self.entry_down,
                "bar_time": bar.datetime.isoformat(),
            },
        )
        r.publish("cta:updates", self.strategy_name)

    def on_order(self, order: OrderData):
        pass

    def on_trade(self, trade: TradeData):
        record_fill(self.strategy_name, trade)
        if abs(self.pos) > self.position_cap:
            record_breach(self.strategy_name, f"position {self.pos} above cap {self.position_cap}")
        self.put_event()

    def on_stop_order(self, stop_order: StopOrder):
        pass
