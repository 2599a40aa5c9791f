"""Hyper-parameter sweep for the churn model.

Started once on the training box:  python run_sweep.py --count 60
wandb.agent() then calls train() once per trial in this same process.
"""
import argparse
import io
import os

import boto3
import joblib
import requests
import wandb
import yaml
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

from churn.features import load_features, split_xy

PROJECT = "churn-model"
ARTIFACT_BUCKET = os.environ.get("ARTIFACT_BUCKET", "ml-artifacts-prod")
SLACK_WEBHOOK = os.environ.get("SLACK_WEBHOOK_URL")


def train():
    with wandb.init(project=PROJECT) as run:
        cfg = run.config
        frame = load_features(cfg.lookback_days)
        x, y = split_xy(frame)
        x_train, x_val, y_train, y_val = train_test_split(
            x, y, test_size=0.2, stratify=y, random_state=7
        )

        model = GradientBoostingClassifier(
            n_estimators=cfg.n_estimators,
            max_depth=cfg.max_depth,
            learning_rate=cfg.learning_rate,
        )
        model.fit(x_train, y_train)
        auc = roc_auc_score(y_val, model.predict_proba(x_val)[:, 1])
        run.log({"val_auc": auc, "rows": len(frame)})

        buf = io.BytesIO()
        joblib.dump(model, buf)
        s3 = boto3.client("s3", region_name="eu-west-1")
        key = f"churn/sweeps/{run.sweep_id}/{run.id}.joblib"
        s3.put_object(Bucket=ARTIFACT_BUCKET, Key=key, Body=buf.getvalue())
        run.summary["model_uri"] = f"s3://{ARTIFACT_BUCKET}/{key}"


def announce(sweep_id: str, count: int) -> None:
    if not SLACK_WEBHOOK:
        return
    text = f"churn sweep {sweep_id} finished ({count} trials)"
    requests.post(SLACK_WEBHOOK, json={"text": text}, timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--sweep-id", default=None)
    args = parser.parse_args()

    sweep_id = args.sweep_id
    if sweep_id is None:
        with open("sweep.yaml", encoding="utf-8") as fh:
            sweep_config = yaml.safe_load(fh)
        sweep_id = wandb.sweep(sweep_config, project=PROJECT)

    wandb.agent(sweep_id, function=train, project=PROJECT, count=args.count)
    announce(sweep_id, args.count)


if __name__ == "__main__":
    main()
