"""Grid-search the mean-reversion strategy with a Hydra multirun.

    python backtest.py --multirun strategy.lookback=10,20,50,100 \
        strategy.entry_z=1.0,1.5,2.0 universe=eu_large,us_large

Hydra's default BasicLauncher executes every job of the sweep sequentially in
this same Python process: run_backtest() is called once per combination
(24 times for the sweep above, hundreds for the nightly grid).
"""
import json
import logging
import os

import hydra
import pandas as pd
import requests
from hydra.core.hydra_config import HydraConfig
from omegaconf import DictConfig, OmegaConf
from sqlalchemy import text
from sqlalchemy.orm import Session

from marketdata import load_prices, results_engine

log = logging.getLogger(__name__)

SLACK_WEBHOOK = os.environ.get("SWEEP_SLACK_WEBHOOK", "")


def zscore_signals(prices: pd.DataFrame, lookback: int, entry_z: float) -> pd.DataFrame:
    mean = prices.rolling(lookback).mean()
    std = prices.rolling(lookback).std()
    z = (prices - mean) / std
    return (z < -entry_z).astype(int) - (z > entry_z).astype(int)


def annualised_sharpe(prices: pd.DataFrame, signals: pd.DataFrame) -> float:
    returns = prices.pct_change().shift(-1) * signals
    daily = returns.mean(axis=1).dropna()
    if daily.empty or daily.std() == 0:
        return 0.0
    return float(daily.mean() / daily.std() * (252 ** 0.5))


def record_result(cfg: DictConfig, sweep_dir: str, score: float) -> float:
    session = Session(results_engine())
    session.execute(
        text(
            "INSERT INTO sweep_results (sweep_dir, universe, params, sharpe) "
            "VALUES (:sweep_dir, :universe, CAST(:params AS jsonb), :sharpe)"
        ),
        {
            "sweep_dir": sweep_dir,
            "universe": cfg.universe.name,
            "params": json.dumps(OmegaConf.to_container(cfg.strategy)),
            "sharpe": score,
        },
    )
    session.commit()
    best = session.execute(
        text("SELECT max(sharpe) FROM sweep_results WHERE sweep_dir = :sweep_dir"),
        {"sweep_dir": sweep_dir},
    ).scalar_one()
    return float(best)


@hydra.main(version_base=None, config_path="conf", config_name="config")
def run_backtest(cfg: DictConfig) -> float:
    hc = HydraConfig.get()
    http = requests.Session()
    http.headers["User-Agent"] = "mr-backtest-sweep/1.4"

    prices = load_prices(cfg.universe.name, cfg.window.start, cfg.window.end)
    signals = zscore_signals(prices, cfg.strategy.lookback, cfg.strategy.entry_z)
    score = annualised_sharpe(prices, signals)
    best_so_far = record_result(cfg, hc.sweep.dir, score)
    log.info("job %s %s sharpe=%.3f (best %.3f)", hc.job.num, hc.job.override_dirname, score, best_so_far)

    if SLACK_WEBHOOK and score >= cfg.alert_sharpe and score >= best_so_far:
        http.post(
            SLACK_WEBHOOK,
            json={"text": f"New best Sharpe {score:.2f} for {hc.job.override_dirname}"},
            timeout=10,
        )
    return score


if __name__ == "__main__":
    run_backtest()
