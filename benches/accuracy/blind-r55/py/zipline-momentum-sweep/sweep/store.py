"""Research database: sentiment signals in, backtest results out."""
from datetime import date
from typing import Sequence

import pandas as pd
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine


def make_engine(url: str) -> Engine:
    # single-threaded CLI: one connection is all we ever need
    return create_engine(url, pool_size=1, max_overflow=0, pool_pre_ping=True)


def load_signals(engine: Engine, start: date, end: date, tickers: Sequence[str]) -> pd.DataFrame:
    with engine.connect() as conn:
        frame = pd.read_sql(
            text(
                "SELECT day, ticker, sentiment FROM daily_sentiment "
                "WHERE day BETWEEN :start AND :end AND ticker = ANY(:tickers)"
            ),
            conn,
            params={"start": start, "end": end, "tickers": list(tickers)},
            parse_dates=["day"],
        )
    return frame.pivot(index="day", columns="ticker", values="sentiment").sort_index().fillna(0.0)


def save_run(engine: Engine, *, lookback: int, bundle: str, perf: pd.DataFrame) -> int:
    sharpe = float(perf["sharpe"].dropna().iloc[-1]) if perf["sharpe"].notna().any() else None
    with engine.begin() as conn:
        run_id = conn.execute(
            text(
                "INSERT INTO backtest_runs (strategy, lookback, bundle, total_return, sharpe, max_drawdown) "
                "VALUES ('momentum_sentiment', :lookback, :bundle, :ret, :sharpe, :mdd) RETURNING id"
            ),
            {
                "lookback": lookback,
                "bundle": bundle,
                "ret": float(perf["algorithm_period_return"].iloc[-1]),
                "sharpe": sharpe,
                "mdd": float(perf["max_drawdown"].iloc[-1]),
            },
        ).scalar_one()
        conn.execute(
            text(
                "INSERT INTO backtest_daily (run_id, day, portfolio_value, returns) "
                "VALUES (:run_id, :day, :pv, :ret)"
            ),
            [
                {"run_id": run_id, "day": ts.date(), "pv": float(row.portfolio_value), "ret": float(row.returns)}
                for ts, row in perf.iterrows()
            ],
        )
    return run_id
