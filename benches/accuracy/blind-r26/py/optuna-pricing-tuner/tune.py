"""Hyper-parameter search for the pricing LightGBM model.

    python tune.py --category grocery --trials 300
"""
import argparse
import hashlib
import json
import os

import lightgbm as lgb
import numpy as np
import optuna
import redis
from sklearn.metrics import mean_absolute_percentage_error

from features import load_window, save_best

REDIS_HOST = os.environ.get("FEATURE_CACHE_HOST", "cache.internal")
TRAIN_WEEKS = (202401, 202430)
VALID_WEEKS = (202431, 202440)


def make_objective(category):
    def objective(trial):
        params = {
            "objective": "regression_l1",
            "learning_rate": trial.suggest_float("learning_rate", 0.01, 0.3, log=True),
            "num_leaves": trial.suggest_int("num_leaves", 16, 256, log=True),
            "min_child_samples": trial.suggest_int("min_child_samples", 5, 200),
            "feature_fraction": trial.suggest_float("feature_fraction", 0.4, 1.0),
            "lambda_l2": trial.suggest_float("lambda_l2", 1e-8, 10.0, log=True),
            "verbose": -1,
        }
        window = trial.suggest_categorical("history_weeks", [8, 16, 30])
        start = TRAIN_WEEKS[1] - window + 1

        cache = redis.Redis(host=REDIS_HOST, port=6379, db=2)
        key = "trial:" + hashlib.sha1(json.dumps(params, sort_keys=True).encode()).hexdigest()
        hit = cache.get(key)
        if hit is not None:
            return float(hit)

        train = load_window(category, start, TRAIN_WEEKS[1])
        valid = load_window(category, *VALID_WEEKS)
        cols = ["price", "competitor_price", "price_gap", "promo", "stock_level"]

        model = lgb.train(
            params,
            lgb.Dataset(train[cols], label=train["units_sold"]),
            num_boost_round=500,
            valid_sets=[lgb.Dataset(valid[cols], label=valid["units_sold"])],
            callbacks=[lgb.early_stopping(30, verbose=False)],
        )
        pred = np.clip(model.predict(valid[cols]), 0, None)
        score = mean_absolute_percentage_error(valid["units_sold"] + 1, pred + 1)
        cache.set(key, score, ex=7 * 24 * 3600)
        return score

    return objective


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--category", required=True)
    ap.add_argument("--trials", type=int, default=200)
    ap.add_argument("--jobs", type=int, default=16)
    args = ap.parse_args()

    study = optuna.create_study(
        study_name=f"pricing-{args.category}",
        direction="minimize",
        sampler=optuna.samplers.TPESampler(seed=7),
        pruner=optuna.pruners.MedianPruner(n_warmup_steps=5),
    )
    study.optimize(make_objective(args.category), n_trials=args.trials, n_jobs=args.jobs)
    save_best(study.study_name, study.best_params, study.best_value)
    print(json.dumps({"best": study.best_params, "mape": study.best_value}, indent=2))


if __name__ == "__main__":
    main()
