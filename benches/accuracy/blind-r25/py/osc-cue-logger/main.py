#!/usr/bin/env python3
"""Cue logger: listens for OSC from the lighting desks and records every GO."""

import logging
import os
import time

from pythonosc.dispatcher import Dispatcher
from pythonosc.osc_server import ThreadingOSCUDPServer
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import sessionmaker

from cache import VenueCache
from handlers import CueHandlers

log = logging.getLogger("osc")

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql+psycopg2://cues@10.40.0.5/showlog")


def wait_for_database(engine, attempts=15):
    for attempt in range(1, attempts + 1):
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return
        except OperationalError:
            log.warning("database not reachable yet (%d/%d)", attempt, attempts)
            time.sleep(2)
    raise SystemExit("database unavailable")


def main():
    logging.basicConfig(level=logging.INFO)
    engine = create_engine(DATABASE_URL, pool_size=4, max_overflow=2, pool_pre_ping=True)
    wait_for_database(engine)
    Session = sessionmaker(bind=engine)
    venues = VenueCache()
    handlers = CueHandlers(Session, venues)

    dispatcher = Dispatcher()
    dispatcher.map("/venue/*/cue/go", handlers.on_cue_go)
    dispatcher.map("/venue/*/fader/*", handlers.on_fader)
    dispatcher.map("/venue/*/cue/standby", handlers.on_standby)
    dispatcher.set_default_handler(handlers.unknown)

    server = ThreadingOSCUDPServer(("0.0.0.0", int(os.environ.get("OSC_PORT", "9000"))), dispatcher)
    log.info("listening for OSC on %s", server.server_address)
    try:
        server.serve_forever()
    finally:
        server.server_close()
        venues.close()
        engine.dispose()


if __name__ == "__main__":
    main()
