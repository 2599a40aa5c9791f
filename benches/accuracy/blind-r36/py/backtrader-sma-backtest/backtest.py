"""One-off SMA crossover backtest. One process per run."""
import argparse
import json
import os
from datetime import date

import backtrader as bt
import boto3
import pandas as pd
from sqlalchemy import create_engine, text

from strategy import SmaCross

BARS_SQL = text(
    "SELECT ts AS datetime, open, high, low, close, volume "
    "FROM daily_bar WHERE symbol = :symbol AND ts >= :start ORDER BY ts"
)
NEW_RUN_SQL = text(
    "INSERT INTO bt_run (strategy, symbol, params, started_at) "
    "VALUES ('sma_cross', :symbol, CAST(:params AS jsonb), now()) RETURNING id"
)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--symbol", required=True)
    parser.add_argument("--start", type=date.fromisoformat, default=date(2018, 1, 1))
    parser.add_argument("--fast", type=int, default=10)
    parser.add_argument("--slow", type=int, default=30)
    parser.add_argument("--cash", type=float, default=100_000.0)
    parser.add_argument("--bucket", default=os.environ.get("BT_REPORT_BUCKET", "research-backtests"))
    return parser.parse_args()


def main():
    args = parse_args()
    engine = create_engine(os.environ["RESEARCH_DATABASE_URL"], pool_size=1, max_overflow=0)
    s3 = boto3.client("s3")
    try:
        with engine.connect() as conn:
            bars = pd.read_sql(BARS_SQL, conn, params={"symbol": args.symbol, "start": args.start},
                               index_col="datetime", parse_dates=["datetime"])
        params = {"fast": args.fast, "slow": args.slow, "cash": args.cash}
        with engine.begin() as conn:
            run_id = conn.execute(NEW_RUN_SQL, {"symbol": args.symbol,
                                                "params": json.dumps(params)}).scalar_one()

        cerebro = bt.Cerebro()
        cerebro.adddata(bt.feeds.PandasData(dataname=bars), name=args.symbol)
        cerebro.addstrategy(SmaCross, fast=args.fast, slow=args.slow, engine=engine,
                            run_id=run_id, symbol=args.symbol)
        cerebro.broker.setcash(args.cash)
        cerebro.broker.setcommission(commission=0.0005)
        cerebro.addanalyzer(bt.analyzers.SharpeRatio, _name="sharpe")
        cerebro.addanalyzer(bt.analyzers.DrawDown, _name="drawdown")
        strat = cerebro.run()[0]

        summary = {
            "run_id": run_id,
            "symbol": args.symbol,
            "params": params,
            "final_value": cerebro.broker.getvalue(),
            "sharpe": strat.analyzers.sharpe.get_analysis().get("sharperatio"),
            "max_drawdown": strat.analyzers.drawdown.get_analysis().max.drawdown,
        }
        s3.put_object(Bucket=args.bucket, Key="sma_cross/%s/%s.json" % (args.symbol, run_id),
                      Body=json.dumps(summary, default=str).encode(),
                      ContentType="application/json")
        print(json.dumps(summary, indent=2, default=str))
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
