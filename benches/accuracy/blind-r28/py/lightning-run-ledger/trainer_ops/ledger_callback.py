"""Lightning callback that books training runs and metrics into the team's run ledger.

The ledger is a plain Postgres table set the MLOps dashboard reads from; a Slack
webhook gets a message when a run finishes or crashes.
"""
import logging
import os
import socket
import uuid

import lightning as L
import requests
from sqlalchemy import Engine, create_engine, text

log = logging.getLogger(__name__)


class RunLedgerCallback(L.Callback):
    def __init__(self, dsn: str, webhook_url: str | None = None, every_n_steps: int = 50):
        super().__init__()
        self.dsn = dsn
        self.webhook_url = webhook_url
        self.every_n_steps = every_n_steps
        self.run_id = str(uuid.uuid4())
        self._engine: Engine | None = None
        self._http: requests.Session | None = None

    # setup/teardown bracket each stage ("fit", "validate", "test"); the clients live
    # for the stage on rank zero and are released in teardown.
    def setup(self, trainer, pl_module, stage: str) -> None:
        if not trainer.is_global_zero:
            return
        if self._engine is None:
            self._engine = create_engine(self.dsn, pool_size=1, max_overflow=0, pool_pre_ping=True)
        if self._http is None and self.webhook_url:
            self._http = requests.Session()
            self._http.headers["Content-Type"] = "application/json"

    def on_fit_start(self, trainer, pl_module) -> None:
        if self._engine is None:
            return
        with self._engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO runs (id, model, host, max_epochs, status, started_at) "
                    "VALUES (:id, :model, :host, :epochs, 'running', now())"
                ),
                {
                    "id": self.run_id,
                    "model": type(pl_module).__name__,
                    "host": socket.gethostname(),
                    "epochs": trainer.max_epochs,
                },
            )

    def on_train_batch_end(self, trainer, pl_module, outputs, batch, batch_idx) -> None:
        if self._engine is None or trainer.global_step % self.every_n_steps:
            return
        metrics = {k: float(v) for k, v in trainer.callback_metrics.items() if v.numel() == 1}
        with self._engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO run_metrics (run_id, step, name, value) "
                    "VALUES (:run_id, :step, :name, :value)"
                ),
                [
                    {"run_id": self.run_id, "step": trainer.global_step, "name": k, "value": v}
                    for k, v in metrics.items()
                ],
            )

    def on_validation_epoch_end(self, trainer, pl_module) -> None:
        if self._engine is None or trainer.sanity_checking:
            return
        val_loss = trainer.callback_metrics.get("val_loss")
        if val_loss is None:
            return
        with self._engine.begin() as conn:
            conn.execute(
                text("UPDATE runs SET best_val_loss = LEAST(coalesce(best_val_loss, :v), :v) WHERE id = :id"),
                {"v": float(val_loss), "id": self.run_id},
            )

    def _finish(self, status: str) -> None:
        if self._engine is not None:
            with self._engine.begin() as conn:
                conn.execute(
                    text("UPDATE runs SET status = :s, finished_at = now() WHERE id = :id"),
                    {"s": status, "id": self.run_id},
                )
        if self._http is not None:
            try:
                self._http.post(self.webhook_url, json={"text": f"run {self.run_id} {status}"}, timeout=5)
            except requests.RequestException as exc:
                log.warning("webhook failed: %s", exc)

    def on_fit_end(self, trainer, pl_module) -> None:
        if trainer.is_global_zero:
            self._finish("finished")

    def on_exception(self, trainer, pl_module, exception) -> None:
        if trainer.is_global_zero:
            self._finish(f"crashed: {type(exception).__name__}")
            self._release()

    def teardown(self, trainer, pl_module, stage: str) -> None:
        self._release()

    def _release(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
