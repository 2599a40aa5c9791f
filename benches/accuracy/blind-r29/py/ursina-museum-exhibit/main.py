"""Exhibit kiosk entry point: builds services once, then hands control to Ursina."""
import atexit
import logging

from ursina import EditorCamera, Ursina, window

from exhibit import FossilViewer, load_specimens
from services import build_services

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("exhibit")


def main() -> None:
    services = build_services()
    atexit.register(services.close)

    specimens = load_specimens(services)
    log.info("loaded %d specimens", len(specimens))

    app = Ursina(title="Fossil Hall", borderless=True)
    window.fullscreen = True
    window.color = (0.05, 0.05, 0.08, 1)
    FossilViewer(services, specimens)
    EditorCamera(enabled=False)

    app.run()


if __name__ == "__main__":
    main()
