"""Warehouse Export widget: writes the input table into the analyst's sandbox."""
from Orange.data import Table
from Orange.data.pandas_compat import table_to_frame
from Orange.widgets import gui
from Orange.widgets.settings import Setting
from Orange.widgets.widget import Input, Msg, OWWidget
from sqlalchemy import create_engine

from orange_warehouse import safe_table_name, sandbox_schema, warehouse_url

engine = create_engine(warehouse_url(), pool_size=2, max_overflow=2)


class OWWarehouseExport(OWWidget):
    name = "Warehouse Export"
    description = "Append or replace a sandbox table with the input data."
    icon = "icons/export.svg"
    priority = 20
    want_main_area = False

    class Inputs:
        data = Input("Data", Table)

    class Error(OWWidget.Error):
        bad_name = Msg("{}")
        write_failed = Msg("Export failed: {}")

    class Information(OWWidget.Information):
        written = Msg("Wrote {} rows to {}")

    table_name = Setting("orange_export")
    replace = Setting(False)
    auto_send = Setting(True)

    def __init__(self):
        super().__init__()
        self.data = None
        box = gui.widgetBox(self.controlArea, "Target")
        gui.lineEdit(box, self, "table_name", label="Table:")
        gui.checkBox(box, self, "replace", "Replace existing table")
        gui.checkBox(box, self, "auto_send", "Export automatically on new data")
        gui.button(self.controlArea, self, "Export", callback=self.commit)

    @Inputs.data
    def set_data(self, data):
        self.data = data
        if self.auto_send:
            self.commit()

    def commit(self):
        self.Error.clear()
        self.Information.clear()
        if self.data is None:
            return
        try:
            table = safe_table_name(self.table_name)
        except ValueError as exc:
            self.Error.bad_name(str(exc))
            return

        df = table_to_frame(self.data, include_metas=True)
        conn = engine.connect()
        try:
            df.to_sql(
                table,
                conn,
                schema=sandbox_schema(),
                if_exists="replace" if self.replace else "append",
                index=False,
                chunksize=5000,
            )
            conn.commit()
        except Exception as exc:
            self.Error.write_failed(str(exc))
            return
        conn.close()
        self.Information.written(len(df), f"{sandbox_schema()}.{table}")
