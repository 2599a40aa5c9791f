import logging
import os
from datetime import datetime, timezone
from decimal import Decimal
from typing import Dict, List

import requests
from sqlalchemy import BigInteger, DateTime, Numeric, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from hummingbot.connector.connector_base import ConnectorBase
from hummingbot.core.data_type.common import OrderType, PriceType, TradeType
from hummingbot.core.data_type.order_candidate import OrderCandidate
from hummingbot.core.event.events import OrderFilledEvent
from hummingbot.strategy.script_strategy_base import ScriptStrategyBase


class Base(DeclarativeBase):
    pass


class Fill(Base):
    __tablename__ = "hb_fills"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    ts: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    pair: Mapped[str] = mapped_column(String(32))
    side: Mapped[str] = mapped_column(String(4))
    price: Mapped[Decimal] = mapped_column(Numeric(24, 10))
    amount: Mapped[Decimal] = mapped_column(Numeric(24, 10))
    order_id: Mapped[str] = mapped_column(String(64))


class FundingSkewMM(ScriptStrategyBase):
    """Pure market making on spot, spreads skewed by the perp funding rate from our signal service."""

    exchange = "binance_paper_trade"
    trading_pair = "ETH-USDT"
    order_amount = Decimal("0.05")
    base_spread = Decimal("0.0015")
    order_refresh_time = 20
    create_timestamp = 0
    markets = {exchange: {trading_pair}}

    def __init__(self, connectors: Dict[str, ConnectorBase]):
        super().__init__(connectors)
        self._engine = create_engine(os.environ["HB_JOURNAL_DB_URL"], pool_size=2, max_overflow=0)
        Base.metadata.create_all(self._engine)
        self._skew = Decimal("0")

    def on_tick(self):
        if self.create_timestamp > self.current_timestamp:
            return
        self.cancel_all_orders()
        self._skew = self.fetch_funding_skew()
        proposal = self.create_proposal()
        adjusted = self.connectors[self.exchange].budget_checker.adjust_candidates(proposal, all_or_none=True)
        for order in adjusted:
            self.place_order(order)
        self.create_timestamp = self.order_refresh_time + self.current_timestamp

    def fetch_funding_skew(self) -> Decimal:
        signals = requests.Session()
        signals.headers["Authorization"] = f"Bearer {os.environ['SIGNALS_TOKEN']}"
        try:
            r = signals.get(f"{os.environ['SIGNALS_URL']}/funding/ETH", timeout=3)
            r.raise_for_status()
            rate = Decimal(str(r.json()["predicted_rate"]))
        except (requests.RequestException, KeyError, ValueError):
            self.logger().warning("funding signal unavailable, no skew this round")
            return Decimal("0")
        # positive funding -> longs pay -> lean our quotes down a little
        return max(min(-rate * Decimal("5"), Decimal("0.001")), Decimal("-0.001"))

    def create_proposal(self) -> List[OrderCandidate]:
        mid = self.connectors[self.exchange].get_price_by_type(self.trading_pair, PriceType.MidPrice)
        center = mid * (Decimal("1") + self._skew)
        buy_price = center * (Decimal("1") - self.base_spread)
        sell_price = center * (Decimal("1") + self.base_spread)
        return [
            OrderCandidate(trading_pair=self.trading_pair, is_maker=True, order_type=OrderType.LIMIT,
                           order_side=TradeType.BUY, amount=self.order_amount, price=buy_price),
            OrderCandidate(trading_pair=self.trading_pair, is_maker=True, order_type=OrderType.LIMIT,
                           order_side=TradeType.SELL, amount=self.order_amount, price=sell_price),
        ]

    def place_order(self, order: OrderCandidate):
        if order.order_side == TradeType.SELL:
            self.sell(self.exchange, order.trading_pair, order.amount, order.order_type, order.price)
        else:
            self.buy(self.exchange, order.trading_pair, order.amount, order.order_type, order.price)

    def cancel_all_orders(self):
        for order in self.get_active_orders(connector_name=self.exchange):
            self.cancel(self.exchange, order.trading_pair, order.client_order_id)

    def did_fill_order(self, event: OrderFilledEvent):
        msg = f"{event.trade_type.name} {round(event.amount, 4)} {event.trading_pair} at {round(event.price, 2)}"
        self.log_with_clock(logging.INFO, msg)
        self.notify_hb_app_with_timestamp(msg)

        session = Session(self._engine)
        session.add(
            Fill(
                ts=datetime.fromtimestamp(event.timestamp, tz=timezone.utc),
                pair=event.trading_pair,
                side=event.trade_type.name,
                price=Decimal(str(event.price)),
                amount=Decimal(str(event.amount)),
                order_id=event.order_id,
            )
        )
        session.commit()

    def format_status(self) -> str:
        lines = [f"  funding skew: {self._skew:+.5f}"]
        with Session(self._engine) as session:
            last = session.scalars(select(Fill).order_by(Fill.id.desc()).limit(5)).all()
        for f in last:
            lines.append(f"  {f.ts:%H:%M:%S} {f.side:4} {f.amount} @ {f.price}")
        return "\n".join(lines)

    def on_stop(self):
        self._engine.dispose()
