"""EMA crossover strategy gated by an external sentiment score and a pair blocklist.

Run with:  freqtrade trade --strategy SentimentGate --config user_data/config.json
"""
import logging
import os
from datetime import datetime
from typing import Optional

import psycopg
import redis
import requests
import talib.abstract as ta
from pandas import DataFrame

from freqtrade.persistence import Trade
from freqtrade.strategy import IStrategy, IntParameter

from journal import record_exit

logger = logging.getLogger(__name__)

BLOCKLIST_DSN = os.environ.get("BLOCKLIST_DSN", "postgresql://trader:trader@risk-db:5432/risk")
SENTIMENT_API = os.environ.get("SENTIMENT_API", "https://sentiment.internal/api/v1/score")
REDIS_URL = os.environ.get("REDIS_URL", "redis://redis:6379/2")


class SentimentGate(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "5m"
    can_short = False
    minimal_roi = {"0": 0.04, "60": 0.02, "180": 0.0}
    stoploss = -0.06
    trailing_stop = False
    process_only_new_candles = True
    startup_candle_count = 60

    fast_ema = IntParameter(5, 20, default=9, space="buy")
    slow_ema = IntParameter(21, 60, default=26, space="buy")

    def bot_start(self, **kwargs) -> None:
        # Called once after the strategy is loaded.
        self.cache = redis.Redis.from_url(REDIS_URL, decode_responses=True)
        self.blocked_pairs: set[str] = set()

    def bot_loop_start(self, current_time: datetime, **kwargs) -> None:
        # Called at the start of every bot iteration (every process_throttle_secs).
        with psycopg.connect(BLOCKLIST_DSN, connect_timeout=3) as conn:
            rows = conn.execute(
                "SELECT pair FROM blocked_pairs WHERE until IS NULL OR until > %s",
                (current_time,),
            ).fetchall()
        self.blocked_pairs = {r[0] for r in rows}

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        for val in self.fast_ema.range:
            dataframe[f"ema_fast_{val}"] = ta.EMA(dataframe, timeperiod=val)
        for val in self.slow_ema.range:
            dataframe[f"ema_slow_{val}"] = ta.EMA(dataframe, timeperiod=val)
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        fast = dataframe[f"ema_fast_{self.fast_ema.value}"]
        slow = dataframe[f"ema_slow_{self.slow_ema.value}"]
        dataframe.loc[
            (fast > slow) & (fast.shift(1) <= slow.shift(1)) & (dataframe["rsi"] < 70)
            & (dataframe["volume"] > 0),
            ["enter_long", "enter_tag"],
        ] = (1, "ema_cross")
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        fast = dataframe[f"ema_fast_{self.fast_ema.value}"]
        slow = dataframe[f"ema_slow_{self.slow_ema.value}"]
        dataframe.loc[(fast < slow) & (dataframe["volume"] > 0), "exit_long"] = 1
        return dataframe

    def _sentiment(self, pair: str) -> Optional[float]:
        cached = self.cache.get(f"sentiment:{pair}")
        if cached is not None:
            return float(cached)
        http = requests.Session()
        http.headers["Authorization"] = f"Bearer {os.environ.get('SENTIMENT_TOKEN', '')}"
        resp = http.get(SENTIMENT_API, params={"symbol": pair.split("/")[0]}, timeout=5)
        if resp.status_code != 200:
            return None
        score = float(resp.json()["score"])
        self.cache.setex(f"sentiment:{pair}", 300, score)
        return score

    def confirm_trade_entry(
        self,
        pair: str,
        order_type: str,
        amount: float,
        rate: float,
        time_in_force: str,
        current_time: datetime,
        entry_tag: Optional[str],
        side: str,
        **kwargs,
    ) -> bool:
        if pair in self.blocked_pairs:
            logger.info("Skipping %s: pair is blocked by risk desk", pair)
            return False
        score = self._sentiment(pair)
        return score is None or score > -0.3

    def confirm_trade_exit(
        self,
        pair: str,
        trade: Trade,
        order_type: str,
        amount: float,
        rate: float,
        time_in_force: str,
        exit_reason: str,
        current_time: datetime,
        **kwargs,
    ) -> bool:
        record_exit(pair, exit_reason, rate, trade.calc_profit_ratio(rate), current_time)
        self.cache.incr(f"exits:{exit_reason}")
        return True
