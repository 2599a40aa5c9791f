import os

import PySimpleGUI as sg
import requests
from sqlalchemy import text

from .db import make_engine, make_sessionmaker

LABEL_API = os.environ.get("LABEL_API", "http://label-printer.lan:9100")


def build_window():
    layout = [
        [sg.Text("Bin"), sg.Input(key="-BIN-", size=(14, 1)), sg.Button("Load")],
        [sg.Table(values=[], headings=["SKU", "Description", "Expected"], key="-ITEMS-",
                  auto_size_columns=False, col_widths=[12, 30, 8], num_rows=12)],
        [sg.Text("SKU"), sg.Input(key="-SKU-", size=(14, 1)),
         sg.Text("Counted"), sg.Input(key="-QTY-", size=(6, 1)), sg.Button("Save count")],
        [sg.Button("Print bin label"), sg.Button("Exit")],
        [sg.StatusBar("", key="-STATUS-", size=(60, 1))],
    ]
    return sg.Window("Cycle count", layout, finalize=True)


def main() -> None:
    engine = make_engine()
    Session = make_sessionmaker(engine)
    http = requests.Session()
    http.headers["User-Agent"] = "stockcount/3.0"
    window = build_window()
    try:
        while True:
            event, values = window.read()
            if event in (sg.WIN_CLOSED, "Exit"):
                break
            bin_code = values["-BIN-"].strip().upper()
            if event == "Load":
                with Session() as s:
                    rows = s.execute(
                        text("SELECT sku, description, qty FROM bin_stock WHERE bin = :b ORDER BY sku"),
                        {"b": bin_code},
                    ).all()
                window["-ITEMS-"].update(values=[list(r) for r in rows])
                window["-STATUS-"].update(f"{len(rows)} SKUs in {bin_code}")
            elif event == "Save count":
                with Session.begin() as s:
                    s.execute(
                        text("INSERT INTO cycle_counts (bin, sku, counted, counted_at) VALUES (:b, :s, :q, NOW())"),
                        {"b": bin_code, "s": values["-SKU-"].strip(), "q": int(values["-QTY-"] or 0)},
                    )
                window["-STATUS-"].update("saved")
            elif event == "Print bin label":
                r = http.post(f"{LABEL_API}/print", json={"template": "bin", "bin": bin_code}, timeout=5)
                window["-STATUS-"].update("label sent" if r.ok else f"printer error {r.status_code}")
    finally:
        window.close()
        http.close()
        engine.dispose()


if __name__ == "__main__":
    main()
