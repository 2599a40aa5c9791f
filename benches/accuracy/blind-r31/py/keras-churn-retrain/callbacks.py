"""Keras callbacks used by the nightly churn retrain."""
import os
import tempfile

import boto3
import keras
import requests
from sqlalchemy import create_engine, text


class RunLedger(keras.callbacks.Callback):
    """Records every epoch of a run in the ml_ops database."""

    def __init__(self, ledger_url: str, run_id: str):
        super().__init__()
        self.ledger_url = ledger_url
        self.run_id = run_id
        self.engine = None

    def on_train_begin(self, logs=None):
        self.engine = create_engine(self.ledger_url, pool_size=2, max_overflow=0, pool_pre_ping=True)
        with self.engine.begin() as conn:
            conn.execute(
                text("INSERT INTO training_runs (run_id, model, started_at) VALUES (:r, 'churn', now())"),
                {"r": self.run_id},
            )

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        conn = self.engine.connect()
        conn.execute(
            text(
                "INSERT INTO epoch_metrics (run_id, epoch, loss, val_loss, auc) "
                "VALUES (:r, :e, :l, :vl, :auc)"
            ),
            {
                "r": self.run_id,
                "e": epoch,
                "l": float(logs.get("loss", 0.0)),
                "vl": float(logs.get("val_loss", 0.0)),
                "auc": float(logs.get("val_auc", 0.0)),
            },
        )
        conn.commit()
        best = conn.execute(
            text("SELECT max(auc) FROM epoch_metrics WHERE model_version = 'prod'")
        ).scalar()
        if best is not None and logs.get("val_auc", 0.0) > best:
            print(f"epoch {epoch}: beats production AUC {best:.4f}")

    def on_train_end(self, logs=None):
        with self.engine.begin() as conn:
            conn.execute(
                text("UPDATE training_runs SET finished_at = now() WHERE run_id = :r"),
                {"r": self.run_id},
            )
        self.engine.dispose()


class CheckpointUploader(keras.callbacks.Callback):
    """Pushes intermediate weights to S3 so spot interruptions can resume."""

    def __init__(self, bucket: str, prefix: str, every_n_batches: int = 500):
        super().__init__()
        self.bucket = bucket
        self.prefix = prefix
        self.every = every_n_batches

    def on_train_batch_end(self, batch, logs=None):
        if batch == 0 or batch % self.every:
            return
        path = os.path.join(tempfile.gettempdir(), "churn-ckpt.weights.h5")
        self.model.save_weights(path)
        s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
        s3.upload_file(path, self.bucket, f"{self.prefix}/batch-{batch:07d}.weights.h5")


class SlackProgress(keras.callbacks.Callback):
    def __init__(self, webhook_url: str):
        super().__init__()
        self.webhook_url = webhook_url

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        with requests.Session() as http:
            http.headers["User-Agent"] = "churn-retrain/1.4"
            http.post(
                self.webhook_url,
                json={"text": f"churn epoch {epoch}: val_auc={logs.get('val_auc', 0):.4f}"},
                timeout=5,
            )
