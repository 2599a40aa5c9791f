"""One-off: export the training snapshot and log a new model version to MLflow."""
import argparse
import json
import tempfile
from pathlib import Path

import joblib
import mlflow
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier

from . import clients
from .model import FEATURE_COLUMNS, ChurnModel


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--version", required=True)
    parser.add_argument("--registered-name", default="churn-scorer")
    args = parser.parse_args()

    conn = clients.feature_db()
    try:
        df = pd.DataFrame(
            conn.execute(
                "SELECT tenure_days, monthly_spend, tickets_90d, dropped_calls_30d, plan_tier, churned "
                "FROM training_snapshot"
            ).fetchall(),
            columns=FEATURE_COLUMNS + ["churned"],
        )
    finally:
        conn.close()

    clf = GradientBoostingClassifier().fit(df[FEATURE_COLUMNS], df["churned"])
    tmp = Path(tempfile.mkdtemp())
    joblib.dump(clf, tmp / "classifier.joblib")
    (tmp / "meta.json").write_text(json.dumps({"version": args.version}))

    with mlflow.start_run():
        mlflow.pyfunc.log_model(
            artifact_path="model",
            python_model=ChurnModel(),
            artifacts={"classifier": str(tmp / "classifier.joblib"), "meta": str(tmp / "meta.json")},
            registered_model_name=args.registered_name,
        )


if __name__ == "__main__":
    main()
