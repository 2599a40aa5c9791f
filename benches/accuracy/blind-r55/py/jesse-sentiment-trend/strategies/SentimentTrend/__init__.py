import os

import jesse.helpers as jh
import jesse.indicators as ta
import redis
import requests
from jesse import utils
from jesse.strategies import Strategy, cached

from . import journal

SIGNAL_REDIS_HOST = os.getenv("SIGNAL_REDIS_HOST", "127.0.0.1")
SIGNAL_REDIS_DB = int(os.getenv("SIGNAL_REDIS_DB", "4"))
NOTIFY_URL = os.getenv("TRADE_NOTIFY_URL", "")


class SentimentTrend(Strategy):
    """EMA trend filter gated by an external sentiment score.

    The sentiment score is written to Redis by the desk's NLP service.
    """

    def __init__(self):
        super().__init__()
        self.http = requests.Session()
        self.http.headers["User-Agent"] = "jesse-sentiment-trend/0.3"
        self.vars["sentiment"] = 0.0
        self.vars["entry_sentiment"] = 0.0

    def hyperparameters(self):
        return [
            {"name": "fast", "type": int, "min": 5, "max": 30, "default": 21},
            {"name": "slow", "type": int, "min": 30, "max": 200, "default": 55},
            {"name": "min_sentiment", "type": float, "min": 0.0, "max": 1.0, "default": 0.2},
            {"name": "risk", "type": float, "min": 0.5, "max": 3.0, "default": 1.0},
        ]

    @property
    @cached
    def fast_ema(self):
        return ta.ema(self.candles, self.hp["fast"])

    @property
    @cached
    def slow_ema(self):
        return ta.ema(self.candles, self.hp["slow"])

    @property
    @cached
    def atr(self):
        return ta.atr(self.candles, 14)

    def before(self):
        signals = redis.Redis(host=SIGNAL_REDIS_HOST, port=6379, db=SIGNAL_REDIS_DB, decode_responses=True)
        raw = signals.get(f"sentiment:{self.exchange}:{self.symbol}")
        self.vars["sentiment"] = float(raw) if raw is not None else 0.0

    def should_long(self) -> bool:
        return self.fast_ema > self.slow_ema and self.vars["sentiment"] >= self.hp["min_sentiment"]

    def should_short(self) -> bool:
        return self.fast_ema < self.slow_ema and self.vars["sentiment"] <= -self.hp["min_sentiment"]

    def should_cancel_entry(self) -> bool:
        return True

    def go_long(self):
        entry = self.price
        stop = entry - 2 * self.atr
        qty = utils.risk_to_qty(self.available_margin, self.hp["risk"], entry, stop, fee_rate=self.fee_rate)
        self.buy = qty, entry
        self.stop_loss = qty, stop
        self.take_profit = qty, entry + 3 * self.atr

    def go_short(self):
        entry = self.price
        stop = entry + 2 * self.atr
        qty = utils.risk_to_qty(self.available_margin, self.hp["risk"], entry, stop, fee_rate=self.fee_rate)
        self.sell = qty, entry
        self.stop_loss = qty, stop
        self.take_profit = qty, entry - 3 * self.atr

    def update_position(self):
        # trail the stop to break-even once the trade is one ATR in profit
        if self.is_long and self.price > self.position.entry_price + self.atr:
            self.stop_loss = self.position.qty, max(self.position.entry_price, self.price - 2 * self.atr)
        elif self.is_short and self.price < self.position.entry_price - self.atr:
            self.stop_loss = self.position.qty, min(self.position.entry_price, self.price + 2 * self.atr)

    def on_open_position(self, order):
        self.vars["entry_sentiment"] = self.vars["sentiment"]
        conn = journal.connect()
        journal.record_open(
            conn,
            exchange=self.exchange,
            symbol=self.symbol,
            timeframe=self.timeframe,
            side="long" if self.is_long else "short",
            qty=abs(self.position.qty),
            price=self.position.entry_price,
            sentiment=self.vars["sentiment"],
            mode="backtest" if jh.is_backtesting() else "live",
        )

    def on_close_position(self, order):
        if not NOTIFY_URL or jh.is_backtesting():
            return
        message = journal.format_close_message(
            symbol=self.symbol,
            side=order.side,
            pnl=self.position.pnl,
            pnl_pct=self.position.pnl_percentage,
            sentiment=self.vars["entry_sentiment"],
        )
        try:
            self.http.post(NOTIFY_URL, json={"text": message}, timeout=5)
        except requests.RequestException as exc:
            self.log(f"notify failed: {exc}")

    def terminate(self):
        self.http.close()
