"""Bokeh server lifecycle hooks for the depot dashboard directory app."""
import logging

from depot import db

log = logging.getLogger("depot.dashboard")


def on_server_loaded(server_context):
    # warm the shared pool once when the server process starts
    depots = db.list_depots()
    log.info("dashboard loaded, %d active depots", len(depots))


def on_server_unloaded(server_context):
    db.dispose()
    log.info("dashboard unloaded, engine disposed")


def on_session_created(session_context):
    log.debug("session %s opened", session_context.id)


def on_session_destroyed(session_context):
    log.debug("session %s closed", session_context.id)


def on_server_loaded_check(server_context):
    """Kept separate so ops can call it from a debugging shell."""
    counts = {code: db.vehicle_counts(code) for code in db.list_depots()}
    empty = [code for code, c in counts.items() if not c]
    if empty:
        log.warning("depots without vehicles: %s", ", ".join(empty))
    return counts
