import os

import npyscreen

from receiving.forms import ReceiveForm
from receiving.services import build_services


class ReceivingApp(npyscreen.NPSAppManaged):
    def __init__(self, session_factory, printer, dock):
        super().__init__()
        self.Session = session_factory
        self.printer = printer
        self.dock = dock

    def onStart(self):
        self.addForm("MAIN", ReceiveForm, name=f"Goods receiving — dock {self.dock}")


def main():
    engine, session_factory, printer = build_services()
    try:
        ReceivingApp(session_factory, printer, dock=os.environ.get("DOCK_ID", "D1")).run()
    finally:
        printer.close()
        engine.dispose()


if __name__ == "__main__":
    main()
