"""SB3 callback that records episode stats to Postgres during training.

_on_step runs once per environment step (millions of times), so nothing in it
opens connections: the connection and HTTP session are opened once per
training run in _on_training_start and closed in _on_training_end.
"""
import os

import psycopg
import requests
from stable_baselines3.common.callbacks import BaseCallback


class EpisodeRecorder(BaseCallback):
    def __init__(self, run_name: str, dsn: str, flush_every: int = 2048, verbose: int = 0):
        super().__init__(verbose)
        self.run_name = run_name
        self.dsn = dsn
        self.flush_every = flush_every
        self._pending = []
        self._conn = None
        self._http = None

    def _on_training_start(self) -> None:
        self._conn = psycopg.connect(self.dsn, autocommit=True, application_name="sb3-monitor")
        self._http = requests.Session()
        self._http.headers["Authorization"] = f"Bearer {os.environ.get('DASH_TOKEN', '')}"

    def _on_step(self) -> bool:
        for info in self.locals.get("infos", []):
            ep = info.get("episode")
            if ep:
                self._pending.append((self.run_name, self.num_timesteps, ep["r"], ep["l"]))
        if self.n_calls % self.flush_every == 0:
            self._flush()
        return True

    def _on_rollout_end(self) -> None:
        if self._pending and os.environ.get("DASH_URL"):
            rewards = [p[2] for p in self._pending]
            self._http.post(
                os.environ["DASH_URL"],
                json={"run": self.run_name, "t": self.num_timesteps,
                      "mean_reward": sum(rewards) / len(rewards)},
                timeout=3,
            )

    def _flush(self) -> None:
        if not self._pending:
            return
        with self._conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO episodes (run, timestep, reward, length) VALUES (%s, %s, %s, %s)",
                self._pending,
            )
        self._pending.clear()

    def _on_training_end(self) -> None:
        try:
            self._flush()
        finally:
            self._conn.close()
            self._http.close()
