"""Weekly momentum + sentiment rotation for zipline-reloaded.

initialize() runs once per backtest, handle_data() once per bar (trading day)
and rebalance() once per week via schedule_function.
"""
import pandas as pd
from zipline.api import (
    commission,
    date_rules,
    get_datetime,
    order_target_percent,
    record,
    schedule_function,
    set_commission,
    set_slippage,
    slippage,
    symbol,
    time_rules,
)

TOP_N = 5


def initialize(context, lookback, signals, tickers):
    """Bound with functools.partial in backtest.py; zipline calls it with the context only."""
    context.assets = [symbol(t) for t in tickers]
    context.lookback = lookback
    context.signals = signals  # DataFrame: index = day, columns = ticker, values = sentiment
    context.rebalances = 0
    set_commission(commission.PerShare(cost=0.005, min_trade_cost=1.0))
    set_slippage(slippage.VolumeShareSlippage(volume_limit=0.025, price_impact=0.1))
    schedule_function(rebalance, date_rules.week_start(), time_rules.market_open(minutes=30))


def _sentiment_for(context, day: pd.Timestamp) -> pd.Series:
    known = context.signals.loc[:day.tz_localize(None).normalize()]
    if known.empty:
        return pd.Series(0.0, index=context.signals.columns)
    return known.tail(5).mean()


def rebalance(context, data):
    tradable = [a for a in context.assets if data.can_trade(a)]
    if not tradable:
        return
    prices = data.history(tradable, "price", bar_count=context.lookback, frequency="1d")
    momentum = prices.iloc[-1] / prices.iloc[0] - 1.0

    sentiment = _sentiment_for(context, get_datetime())
    by_ticker = pd.Series({a: sentiment.get(a.symbol, 0.0) for a in tradable})
    score = momentum.rank() + by_ticker.rank()
    longs = set(score.nlargest(TOP_N).index)

    weight = 1.0 / TOP_N
    for asset in tradable:
        order_target_percent(asset, weight if asset in longs else 0.0)
    context.rebalances += 1


def handle_data(context, data):
    record(
        leverage=context.account.leverage,
        positions=len(context.portfolio.positions),
        rebalances=context.rebalances,
    )
