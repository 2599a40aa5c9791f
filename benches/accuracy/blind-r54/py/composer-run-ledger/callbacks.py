"""Composer callbacks that record training runs in the team's run ledger.

Composer calls batch_end after every optimiser step and epoch_end after
every epoch; the connections used there are opened once per run in
fit_start / __init__ and released in close().
"""
import json
import logging
import os
import time

import boto3
import psycopg2
import requests
from composer import Callback, Logger, State

log = logging.getLogger("ledger")


class RunLedger(Callback):
    """Writes run metadata and throttled step metrics to Postgres."""

    def __init__(self, dsn: str, every_n_batches: int = 50):
        self.dsn = dsn
        self.every_n_batches = every_n_batches
        self.conn = None
        self.run_id = None
        self._buffer = []

    def fit_start(self, state: State, logger: Logger) -> None:
        if self.conn is None:
            self.conn = psycopg2.connect(self.dsn, application_name="composer-ledger")
        with self.conn.cursor() as cur:
            cur.execute(
                "INSERT INTO runs (name, started_at, config) VALUES (%s, now(), %s) "
                "RETURNING id",
                (state.run_name, json.dumps({"max_duration": str(state.max_duration)})),
            )
            self.run_id = cur.fetchone()[0]
        self.conn.commit()

    def batch_end(self, state: State, logger: Logger) -> None:
        step = int(state.timestamp.batch)
        if step % self.every_n_batches:
            return
        loss = state.loss.item() if hasattr(state.loss, "item") else float(state.loss)
        self._buffer.append((self.run_id, step, loss, time.time()))
        if len(self._buffer) >= 20:
            self._flush()

    def epoch_end(self, state: State, logger: Logger) -> None:
        self._flush()

    def _flush(self) -> None:
        if not self._buffer:
            return
        with self.conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO step_metrics (run_id, step, loss, logged_at) "
                "VALUES (%s, %s, %s, to_timestamp(%s))",
                self._buffer,
            )
        self.conn.commit()
        self._buffer.clear()

    def fit_end(self, state: State, logger: Logger) -> None:
        self._flush()
        with self.conn.cursor() as cur:
            cur.execute("UPDATE runs SET finished_at = now() WHERE id = %s", (self.run_id,))
        self.conn.commit()

    def close(self, state: State, logger: Logger) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


class CheckpointPublisher(Callback):
    """Uploads the latest checkpoint after each epoch and pings the team channel."""

    def __init__(self, bucket: str, prefix: str, webhook_url: str | None = None):
        self.bucket = bucket
        self.prefix = prefix
        self.webhook_url = webhook_url
        self.s3 = boto3.client("s3")
        self.http = requests.Session()

    def epoch_end(self, state: State, logger: Logger) -> None:
        epoch = int(state.timestamp.epoch)
        local = os.path.join(state.run_name, f"ep{epoch}.pt")
        if not os.path.exists(local):
            return
        key = f"{self.prefix}/{state.run_name}/ep{epoch}.pt"
        self.s3.upload_file(local, self.bucket, key)
        if self.webhook_url:
            try:
                self.http.post(
                    self.webhook_url,
                    json={"text": f"{state.run_name}: epoch {epoch} -> s3://{self.bucket}/{key}"},
                    timeout=5,
                )
            except requests.RequestException as exc:
                log.warning("webhook failed: %s", exc)

    def close(self, state: State, logger: Logger) -> None:
        self.http.close()
