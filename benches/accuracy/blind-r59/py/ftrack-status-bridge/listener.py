"""Long-running ftrack event listener for the production-tracking bridge.

Runs as a systemd service on the pipeline box: one process, one ftrack
session with an event hub connection, and callbacks that ftrack invokes for
every matching event published on the server.
"""
import functools
import logging
import os
import signal
import sys

import ftrack_api

from handlers.editorial_action import discover_push_notes, launch_push_notes
from handlers.status_sync import on_entity_update

log = logging.getLogger("ftrack-bridge")


def build_session():
    return ftrack_api.Session(
        server_url=os.environ["FTRACK_SERVER"],
        api_user=os.environ["FTRACK_API_USER"],
        api_key=os.environ["FTRACK_API_KEY"],
        auto_connect_event_hub=True,
    )


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    session = build_session()

    # Fires for every attribute change on every entity in the studio.
    session.event_hub.subscribe(
        "topic=ftrack.update",
        functools.partial(on_entity_update, session),
    )
    session.event_hub.subscribe(
        "topic=ftrack.action.discover",
        discover_push_notes,
    )
    session.event_hub.subscribe(
        "topic=ftrack.action.launch and data.actionIdentifier=push-editorial-notes",
        launch_push_notes,
    )

    def _stop(signum, frame):
        log.info("signal %s, shutting down", signum)
        session.close()
        sys.exit(0)

    signal.signal(signal.SIGTERM, _stop)
    log.info("listening for ftrack events on %s", session.server_url)
    session.event_hub.wait()


if __name__ == "__main__":
    main()
