import logging
import os
import signal
import threading

import pychromecast

from .listener import ScrobbleListener

log = logging.getLogger("cast-scrobbler")


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    names = [n.strip() for n in os.environ.get("CAST_DEVICES", "Living Room").split(",")]

    chromecasts, browser = pychromecast.get_listed_chromecasts(friendly_names=names)
    if not chromecasts:
        raise SystemExit(f"no chromecasts found for {names}")

    for cast in chromecasts:
        cast.wait()
        cast.media_controller.register_status_listener(ScrobbleListener(cast.cast_info.friendly_name))
        log.info("listening on %s", cast.cast_info.friendly_name)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()

    for cast in chromecasts:
        cast.disconnect()
    browser.stop_discovery()


if __name__ == "__main__":
    main()
