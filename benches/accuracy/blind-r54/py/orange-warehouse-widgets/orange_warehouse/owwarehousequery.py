"""Warehouse Query widget: runs a SQL query and outputs an Orange Table."""
import pandas as pd
from AnyQt.QtWidgets import QPlainTextEdit
from Orange.data import Table
from Orange.data.pandas_compat import table_from_frame
from Orange.widgets import gui
from Orange.widgets.settings import Setting
from Orange.widgets.widget import Msg, Output, OWWidget
from sqlalchemy import create_engine, text

from orange_warehouse import warehouse_url

_engine = create_engine(warehouse_url(), pool_pre_ping=True, pool_size=2)


class OWWarehouseQuery(OWWidget):
    name = "Warehouse Query"
    description = "Run a read-only SQL query against the analytics warehouse."
    icon = "icons/query.svg"
    priority = 10
    want_main_area = False

    class Outputs:
        data = Output("Data", Table)

    class Error(OWWidget.Error):
        query_failed = Msg("Query failed: {}")

    class Information(OWWidget.Information):
        row_count = Msg("{} rows")

    query = Setting("SELECT * FROM marts.daily_orders LIMIT 1000")
    row_limit = Setting(50000)

    def __init__(self):
        super().__init__()
        box = gui.widgetBox(self.controlArea, "SQL")
        self.editor = QPlainTextEdit(self.query)
        box.layout().addWidget(self.editor)
        gui.spin(
            self.controlArea, self, "row_limit", minv=100, maxv=1_000_000,
            step=1000, label="Row limit:",
        )
        gui.button(self.controlArea, self, "Run", callback=self.run_query)

    def run_query(self):
        self.Error.clear()
        self.Information.clear()
        self.query = self.editor.toPlainText()
        try:
            with _engine.connect() as conn:
                conn.execute(text("SET TRANSACTION READ ONLY"))
                df = pd.read_sql(text(self.query), conn)
        except Exception as exc:  # shown to the analyst in the widget
            self.Error.query_failed(str(exc))
            self.Outputs.data.send(None)
            return
        df = df.head(self.row_limit)
        self.Information.row_count(len(df))
        self.Outputs.data.send(table_from_frame(df))
