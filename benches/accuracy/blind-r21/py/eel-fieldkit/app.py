"""Hydrology field kit: Eel desktop shell around the local readings database."""
from __future__ import annotations

import logging
import sys

import eel

import api  # noqa: F401  (registers the @eel.expose functions)
import store

log = logging.getLogger("fieldkit")


def _on_close(page: str, sockets: list) -> None:
    # Eel calls this whenever a window's websocket closes; quit when the last one goes.
    if not sockets:
        log.info("last window closed (%s), exiting", page)
        store.close()
        sys.exit(0)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    eel.init("web", allowed_extensions=[".js", ".html"])
    try:
        eel.start(
            "index.html",
            size=(1180, 760),
            mode="chrome",
            port=0,
            close_callback=_on_close,
        )
    except (SystemExit, KeyboardInterrupt):
        pass
    finally:
        store.close()


if __name__ == "__main__":
    main()
