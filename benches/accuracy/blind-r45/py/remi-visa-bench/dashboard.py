"""Remi web dashboard: one App instance per browser client, engine shared via userdata."""
import logging
import os

import remi.gui as gui
from remi import App, start
from sqlalchemy import text

from benchlib.db import make_engine

LATEST = text(
    "SELECT DISTINCT ON (instrument) instrument, quantity, value, taken_at"
    " FROM readings ORDER BY instrument, taken_at DESC"
)


class BenchDashboard(App):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)

    def main(self, engine):
        self.engine = engine
        root = gui.VBox(width=640, style={"margin": "0 auto", "padding": "12px"})
        root.append(gui.Label("Lab bench — latest readings", style={"font-size": "20px"}))
        self.table = gui.Table(width="100%")
        self.status = gui.Label("")
        refresh = gui.Button("Refresh", width=120)
        refresh.onclick.do(self.on_refresh)
        self.instrument = gui.TextInput(hint="instrument (e.g. dmm-1)", width=200)
        history = gui.Button("Last hour", width=120)
        history.onclick.do(self.on_history)
        root.append([refresh, self.table, self.instrument, history, self.status])
        self.on_refresh(refresh)
        return root

    def _fill(self, header, rows):
        self.table.empty()
        self.table.append_from_list([header] + [[str(c) for c in r] for r in rows],
                                    fill_title=True)

    def on_refresh(self, widget):
        with self.engine.connect() as conn:
            rows = conn.execute(LATEST).all()
        self._fill(("Instrument", "Quantity", "Value", "Taken at"), rows)
        self.status.set_text("%d instruments" % len(rows))

    def on_history(self, widget):
        name = self.instrument.get_value().strip()
        with self.engine.connect() as conn:
            rows = conn.execute(
                text("SELECT taken_at, value FROM readings WHERE instrument = :i"
                     " AND taken_at > now() - interval '1 hour' ORDER BY taken_at"),
                {"i": name},
            ).all()
        self._fill(("Taken at", "Value"), rows)
        self.status.set_text("%d readings for %s" % (len(rows), name))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    engine = make_engine(pool_size=5)
    start(BenchDashboard, address="0.0.0.0", port=int(os.environ.get("PORT", "8081")),
          start_browser=False, multiple_instance=True, userdata=(engine,))
