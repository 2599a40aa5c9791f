"""One-off training run: python train.py <run-id>"""
import sys

import xgboost as xgb
from sklearn.model_selection import train_test_split

from features import engine, load_features
from telemetry import TelemetryCallback


def main(run_id: str) -> None:
    df = load_features()
    y = df.pop("churned")
    X_train, X_val, y_train, y_val = train_test_split(df, y, test_size=0.2, random_state=7)
    dtrain = xgb.DMatrix(X_train, label=y_train)
    dval = xgb.DMatrix(X_val, label=y_val)
    try:
        booster = xgb.train(
            {"objective": "binary:logistic", "eval_metric": ["auc", "logloss"], "max_depth": 6, "eta": 0.05},
            dtrain,
            num_boost_round=2000,
            evals=[(dtrain, "train"), (dval, "val")],
            early_stopping_rounds=50,
            callbacks=[TelemetryCallback(run_id)],
        )
        booster.save_model(f"models/churn-{run_id}.ubj")
    finally:
        engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1])
