"""Read-only access to the market data warehouse and the research results DB."""
import os
from functools import lru_cache

import pandas as pd
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine


@lru_cache(maxsize=1)
def market_engine() -> Engine:
    # One engine for the whole sweep process; every Hydra job reuses it.
    return create_engine(
        os.environ["MARKETDATA_URL"],
        pool_size=2,
        max_overflow=0,
        pool_pre_ping=True,
    )


@lru_cache(maxsize=1)
def results_engine() -> Engine:
    return create_engine(os.environ["RESEARCH_DB_URL"], pool_size=2, max_overflow=0)


def load_prices(universe: str, start: str, end: str) -> pd.DataFrame:
    query = text(
        """
        SELECT p.trade_date, p.ticker, p.adj_close
          FROM daily_prices p
          JOIN universe_members u ON u.ticker = p.ticker
         WHERE u.universe = :universe
           AND p.trade_date BETWEEN :start AND :end
        """
    )
    with market_engine().connect() as conn:
        frame = pd.read_sql(
            query, conn, params={"universe": universe, "start": start, "end": end}
        )
    return frame.pivot(index="trade_date", columns="ticker", values="adj_close")
