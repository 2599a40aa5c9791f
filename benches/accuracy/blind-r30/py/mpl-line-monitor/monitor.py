"""Wall-screen line monitor: a matplotlib window whose FuncAnimation
callback runs every 5 s and redraws throughput and the andon state.

Engine and HTTP client are built once in main() and handed to the
Dashboard; update() only borrows a pooled connection per frame."""
import os
from collections import deque
from datetime import datetime

import httpx
import matplotlib.pyplot as plt
from matplotlib.animation import FuncAnimation
from sqlalchemy import Engine, create_engine, text


class Dashboard:
    def __init__(self, engine: Engine, andon: httpx.Client, line: str):
        self.engine = engine
        self.andon = andon
        self.line = line
        self.times = deque(maxlen=120)
        self.units = deque(maxlen=120)
        self.fig, (self.ax_tp, self.ax_state) = plt.subplots(2, 1, figsize=(12, 7))
        (self.curve,) = self.ax_tp.plot([], [], lw=2)
        self.state_text = self.ax_state.text(0.5, 0.5, "", ha="center", va="center", fontsize=40)
        self.ax_state.axis("off")

    def update(self, frame):
        with self.engine.connect() as conn:
            units = conn.execute(
                text(
                    "SELECT COUNT(*) FROM unit_completed "
                    "WHERE line = :line AND completed_at > NOW() - INTERVAL 5 MINUTE"
                ),
                {"line": self.line},
            ).scalar_one()
        self.times.append(datetime.now())
        self.units.append(units)
        self.curve.set_data(list(self.times), list(self.units))
        self.ax_tp.relim()
        self.ax_tp.autoscale_view()

        try:
            state = self.andon.get(f"/lines/{self.line}/state").json()["state"]
        except httpx.HTTPError:
            state = "unknown"
        color = {"green": "tab:green", "yellow": "gold", "red": "tab:red"}.get(state, "grey")
        self.state_text.set_text(state.upper())
        self.state_text.set_color(color)
        return self.curve, self.state_text


def main() -> None:
    engine = create_engine(
        os.environ.get("MES_DB_URL", "mysql+pymysql://monitor:monitor@mes-db/mes"),
        pool_size=2,
        max_overflow=0,
        pool_recycle=3600,
    )
    andon = httpx.Client(base_url=os.environ.get("ANDON_URL", "http://andon.plant.lan"), timeout=2.0)
    try:
        board = Dashboard(engine, andon, os.environ.get("LINE", "L3"))
        anim = FuncAnimation(board.fig, board.update, interval=5000, cache_frame_data=False)
        plt.show()
        del anim
    finally:
        andon.close()
        engine.dispose()


if __name__ == "__main__":
    main()
