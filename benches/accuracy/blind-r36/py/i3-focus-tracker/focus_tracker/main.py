import logging
import os
import socket
from functools import partial

from i3ipc import Connection, Event

from . import handlers
from .clients import build_services
from .models import Base


def load_config():
    return {
        "database_url": os.environ["FOCUS_DATABASE_URL"],
        "timesheet_url": os.environ.get("TIMESHEET_URL", "https://timesheet.internal"),
        "timesheet_token": os.environ["TIMESHEET_TOKEN"],
        "host": socket.gethostname(),
    }


def main():
    logging.basicConfig(level=logging.INFO)
    services = build_services(load_config())
    Base.metadata.create_all(services.engine)
    state = handlers.FocusState()

    i3 = Connection(auto_reconnect=True)
    i3.on(Event.WINDOW_FOCUS, partial(handlers.on_window_focus, services, state))
    i3.on(Event.WORKSPACE_FOCUS, partial(handlers.on_workspace_focus, services, state))
    i3.on(Event.SHUTDOWN, partial(handlers.on_shutdown, services))
    try:
        i3.main()
    finally:
        services.close()


if __name__ == "__main__":
    main()
