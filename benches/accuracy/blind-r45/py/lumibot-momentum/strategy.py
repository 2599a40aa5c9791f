"""Momentum rotation strategy run by Lumibot (one iteration per minute)."""
import os

import redis
import requests
from lumibot.strategies import Strategy

import risk
from journal import Fill, SessionLocal, Signal

NEWS_URL = os.environ.get("NEWS_API_URL", "https://news.internal/api/v2/sentiment")
REDIS_URL = os.environ.get("REDIS_URL", "redis://cache:6379/1")


class MomentumRotation(Strategy):
    parameters = {
        "universe": ["SPY", "QQQ", "IWM", "EFA", "TLT", "GLD"],
        "top_n": 2,
        "lookback": 20,
    }

    def initialize(self):
        self.sleeptime = "1M"
        self.http = requests.Session()
        self.http.headers["Authorization"] = "Bearer " + os.environ.get("NEWS_API_TOKEN", "")

    def _scores(self):
        scores = {}
        for symbol in self.parameters["universe"]:
            if risk.is_halted(symbol):
                continue
            bars = self.get_historical_prices(symbol, self.parameters["lookback"], "day")
            closes = bars.df["close"]
            momentum = closes.iloc[-1] / closes.iloc[0] - 1
            sentiment = self.http.get(NEWS_URL, params={"symbol": symbol}, timeout=5).json()
            scores[symbol] = momentum + 0.02 * sentiment.get("score", 0.0)
        return scores

    def on_trading_iteration(self):
        scores = self._scores()
        ranked = sorted(scores, key=scores.get, reverse=True)
        top_n = risk.max_positions(self.name, self.parameters["top_n"])
        winners = set(ranked[:top_n])

        session = SessionLocal()
        session.add_all([Signal(symbol=s, score=float(scores[s])) for s in winners])
        held = {p.asset.symbol for p in self.get_positions() if p.asset.symbol != "USD"}
        if held == winners:
            session.commit()
            return
        session.commit()
        session.close()

        for symbol in held - winners:
            position = self.get_position(symbol)
            self.submit_order(self.create_order(symbol, position.quantity, "sell"))
        budget = self.get_cash() / max(len(winners - held), 1)
        for symbol in winners - held:
            qty = int(budget // self.get_last_price(symbol))
            if qty > 0:
                self.submit_order(self.create_order(symbol, qty, "buy"))

    def on_filled_order(self, position, order, price, quantity, multiplier):
        with SessionLocal() as session, session.begin():
            session.add(Fill(symbol=order.asset.symbol, side=order.side,
                             quantity=float(quantity), price=float(price)))
        feed = redis.Redis.from_url(REDIS_URL)
        feed.publish("fills", "{} {} {}@{}".format(order.side, order.asset.symbol, quantity, price))

    def on_abrupt_closing(self):
        self.http.close()
