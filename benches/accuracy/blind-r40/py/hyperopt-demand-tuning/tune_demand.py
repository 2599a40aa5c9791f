"""One-off tuning run for the weekly demand model (run by hand or from a CI job).

    python tune_demand.py --store-group north --max-evals 200

hyperopt calls objective() once per trial; the engine it writes trials to
is created once in main(), handed in with functools.partial and disposed
when the run ends.
"""
import argparse
import functools
import json
import os
import time

import boto3
import numpy as np
import pandas as pd
from hyperopt import STATUS_OK, Trials, fmin, hp, space_eval, tpe
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.model_selection import TimeSeriesSplit, cross_val_score
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

SPACE = {
    "n_estimators": hp.quniform("n_estimators", 100, 800, 50),
    "learning_rate": hp.loguniform("learning_rate", np.log(0.005), np.log(0.3)),
    "max_depth": hp.quniform("max_depth", 2, 8, 1),
    "subsample": hp.uniform("subsample", 0.5, 1.0),
}


def load_frame(engine: Engine, store_group: str) -> pd.DataFrame:
    sql = text(
        "SELECT week, store_id, promo, price_index, temperature, units "
        "FROM weekly_sales WHERE store_group = :g ORDER BY week"
    )
    with engine.connect() as conn:
        return pd.read_sql(sql, conn, params={"g": store_group})


def objective(params: dict, *, engine: Engine, frame: pd.DataFrame, run_id: str) -> dict:
    model = GradientBoostingRegressor(
        n_estimators=int(params["n_estimators"]),
        learning_rate=params["learning_rate"],
        max_depth=int(params["max_depth"]),
        subsample=params["subsample"],
    )
    X = frame[["promo", "price_index", "temperature"]]
    y = frame["units"]
    started = time.monotonic()
    scores = cross_val_score(model, X, y, cv=TimeSeriesSplit(n_splits=5), scoring="neg_mean_absolute_error")
    loss = float(-scores.mean())
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO tuning_trials (run_id, params, mae, seconds) VALUES (:r, :p, :m, :s)"),
            {"r": run_id, "p": json.dumps(params), "m": loss, "s": time.monotonic() - started},
        )
    return {"loss": loss, "status": STATUS_OK}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store-group", required=True)
    ap.add_argument("--max-evals", type=int, default=100)
    ap.add_argument("--bucket", default=os.environ.get("MODEL_BUCKET", "demand-models"))
    args = ap.parse_args()

    run_id = f"{args.store_group}-{int(time.time())}"
    engine = create_engine(os.environ["ANALYTICS_DB_URL"], pool_size=2, max_overflow=0)
    s3 = boto3.client("s3")
    try:
        frame = load_frame(engine, args.store_group)
        trials = Trials()
        best = fmin(
            fn=functools.partial(objective, engine=engine, frame=frame, run_id=run_id),
            space=SPACE,
            algo=tpe.suggest,
            max_evals=args.max_evals,
            trials=trials,
        )
        best_params = space_eval(SPACE, best)
        s3.put_object(
            Bucket=args.bucket,
            Key=f"tuning/{run_id}/best_params.json",
            Body=json.dumps({"params": best_params, "mae": min(trials.losses())}).encode(),
            ContentType="application/json",
        )
        print(f"best MAE {min(trials.losses()):.2f} with {best_params}")
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
