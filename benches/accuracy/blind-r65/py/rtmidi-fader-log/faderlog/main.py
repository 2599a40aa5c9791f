"""Entry point: everything with a connection is built here, once, and handed to the callback."""
import logging
import os
import time

import requests
import yaml
from rtmidi.midiutil import open_midiinput
from sqlalchemy import create_engine

from .handler import FaderStartHandler

log = logging.getLogger("faderlog")


def main():
    logging.basicConfig(level=logging.INFO)
    with open(os.environ.get("FADERLOG_CARTS", "carts.yaml"), encoding="utf-8") as fh:
        carts = {int(k): v for k, v in yaml.safe_load(fh).items()}

    engine = create_engine(os.environ["FADERLOG_DB_URL"], pool_size=2, max_overflow=1, pool_pre_ping=True)
    rds = requests.Session()
    handler = FaderStartHandler(engine, rds, os.environ.get("RDS_ENCODER_URL", "http://rds-encoder.local/rt"), carts)

    midiin, port_name = open_midiinput(os.environ.get("FADERLOG_MIDI_PORT"), interactive=False)
    midiin.ignore_types(sysex=True, timing=True, active_sense=True)
    midiin.set_callback(handler)
    log.info("listening on %s", port_name)
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        midiin.close_port()
        del midiin
        rds.close()
        engine.dispose()


if __name__ == "__main__":
    main()
