import urwid

from . import clients
from .views import Dashboard

PALETTE = [("header", "black", "light gray")]


def _keys(key):
    if key in ("q", "Q"):
        raise urwid.ExitMainLoop()


def main() -> None:
    pool = clients.make_pool()
    try:
        dashboard = Dashboard(pool)
        loop = urwid.MainLoop(dashboard.widget, PALETTE, unhandled_input=_keys)
        loop.set_alarm_in(0, dashboard.refresh)
        loop.run()
    finally:
        pool.close()


if __name__ == "__main__":
    main()
