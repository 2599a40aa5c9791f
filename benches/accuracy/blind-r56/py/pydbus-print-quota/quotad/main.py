"""quotad entry point (systemd unit, Type=dbus, BusName=org.acme.PrintQuota)."""
import logging
import os
import signal
from datetime import date

from gi.repository import GLib
from pydbus import SystemBus
from sqlalchemy import create_engine

from quotad.service import PrintQuota

log = logging.getLogger("quotad")

BUS_NAME = "org.acme.PrintQuota"
DATABASE_URL = os.environ.get(
    "QUOTA_DATABASE_URL", "postgresql+psycopg2://quotad@db.internal/printing"
)


def make_month_check(service):
    state = {"month": date.today().month}

    def check():
        today = date.today()
        if today.month != state["month"]:
            state["month"] = today.month
            service.reset_month()
        return True  # keep the GLib timeout installed

    return check


def main():
    logging.basicConfig(level=logging.INFO)
    engine = create_engine(DATABASE_URL, pool_size=4, max_overflow=2, pool_pre_ping=True)
    service = PrintQuota(engine)

    bus = SystemBus()
    registration = bus.publish(BUS_NAME, service)

    GLib.timeout_add_seconds(3600, make_month_check(service))

    loop = GLib.MainLoop()
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, loop.quit)
    log.info("%s ready", BUS_NAME)
    try:
        loop.run()
    finally:
        registration.unpublish()
        engine.dispose()


if __name__ == "__main__":
    main()
