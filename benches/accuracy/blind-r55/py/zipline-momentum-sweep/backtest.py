"""Run the momentum/sentiment strategy once per lookback and store the results.

    python backtest.py --start 2019-01-02 --end 2023-12-29 --lookbacks 20 60 120
"""
import argparse
import functools
import logging
import os

import pandas as pd
import requests
from zipline import run_algorithm

from sweep import store, strategy

log = logging.getLogger("sweep")

UNIVERSE = ["AAPL", "MSFT", "AMZN", "GOOGL", "META", "NVDA", "JPM", "XOM", "UNH", "HD", "PG", "KO"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--start", required=True)
    parser.add_argument("--end", required=True)
    parser.add_argument("--lookbacks", type=int, nargs="+", default=[20, 60, 120])
    parser.add_argument("--capital", type=float, default=1_000_000)
    parser.add_argument("--bundle", default="quandl")
    parser.add_argument("--db-url", default=os.environ.get("RESEARCH_DB_URL", "postgresql+psycopg2://research@pg.internal/research"))
    parser.add_argument("--webhook", default=os.environ.get("RESEARCH_WEBHOOK_URL"))
    return parser.parse_args()


def notify(http: requests.Session, url: str, lookback: int, perf: pd.DataFrame, run_id: int) -> None:
    if not url:
        return
    total = perf["algorithm_period_return"].iloc[-1]
    http.post(
        url,
        json={"text": f"momentum_sentiment lookback={lookback}: {total:+.1%} (run {run_id})"},
        timeout=10,
    ).raise_for_status()


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    args = parse_args()
    start, end = pd.Timestamp(args.start), pd.Timestamp(args.end)

    engine = store.make_engine(args.db_url)
    try:
        signals = store.load_signals(engine, start.date(), end.date(), UNIVERSE)
        with requests.Session() as http:
            for lookback in args.lookbacks:
                log.info("backtesting lookback=%d", lookback)
                perf = run_algorithm(
                    start=start,
                    end=end,
                    initialize=functools.partial(
                        strategy.initialize, lookback=lookback, signals=signals, tickers=UNIVERSE
                    ),
                    handle_data=strategy.handle_data,
                    capital_base=args.capital,
                    data_frequency="daily",
                    bundle=args.bundle,
                )
                run_id = store.save_run(engine, lookback=lookback, bundle=args.bundle, perf=perf)
                log.info("stored run %d", run_id)
                notify(http, args.webhook, lookback, perf, run_id)
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
