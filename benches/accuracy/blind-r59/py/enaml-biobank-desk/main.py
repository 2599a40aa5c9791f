"""Desk application entry point: services built once, closed on exit."""
import getpass
import logging

import enaml
from enaml.qt.qt_application import QtApplication

from poller import DeskModel, FreezerPoller
from services import build_services

with enaml.imports():
    from views import Main


def main():
    logging.basicConfig(level=logging.INFO)
    services = build_services()
    app = QtApplication()
    model = DeskModel()

    view = Main(services=services, model=model, operator_name=getpass.getuser())
    poller = FreezerPoller(services, model)
    view.show()
    poller.start()
    try:
        app.start()
    finally:
        poller.stop()
        services.close()


if __name__ == "__main__":
    main()
