"""fastai callbacks; the Learner calls these hooks per batch / per epoch."""
import json

import requests
from fastai.callback.core import Callback
from sqlalchemy import Engine, text


class RunLogger(Callback):
    """Streams training progress into the experiments DB.

    The engine and HTTP session are created by the training script and passed
    in; this callback never builds clients itself.
    """

    order = 90

    def __init__(self, engine: Engine, http: requests.Session, run_id: int, every: int = 50):
        self.engine = engine
        self.http = http
        self.run_id = run_id
        self.every = every

    def after_batch(self):
        if not self.training or self.train_iter % self.every:
            return
        with self.engine.begin() as conn:
            conn.execute(
                text("INSERT INTO batch_loss (run_id, step, loss) VALUES (:r, :s, :l)"),
                {"r": self.run_id, "s": self.train_iter, "l": float(self.learn.loss)},
            )

    def after_epoch(self):
        names = self.recorder.metric_names[1:-1]
        values = self.recorder.values[-1]
        row = dict(zip(names, (float(v) for v in values)))
        with self.engine.begin() as conn:
            conn.execute(
                text("INSERT INTO epoch_metrics (run_id, epoch, metrics) VALUES (:r, :e, CAST(:m AS jsonb))"),
                {"r": self.run_id, "e": self.epoch, "m": json.dumps(row)},
            )
        self.http.post(
            "/hooks/training",
            json={"run": self.run_id, "epoch": self.epoch, **row},
            timeout=5,
        )
