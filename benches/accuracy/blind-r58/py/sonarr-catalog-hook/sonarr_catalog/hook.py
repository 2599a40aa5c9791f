"""Entry point configured in Sonarr > Settings > Connect > Custom Script.

Sonarr starts this program once per event and passes the event in sonarr_* environment
variables; the process exits when the event has been handled.
"""

import logging
import os
import sys

from sonarr_catalog import catalog, notify

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
log = logging.getLogger("sonarr-hook")


def main() -> int:
    env = dict(os.environ)
    event = env.get("sonarr_eventtype", "")
    log.info("event %s", event)

    client = notify.make_client()
    conn = None
    try:
        if event == "Test":
            conn = catalog.connect(attempts=1)
            conn.execute("SELECT 1")
            notify.ntfy(client, "Sonarr hook", "test event received")
            return 0

        if event == "Download":
            conn = catalog.connect()
            catalog.record_import(conn, env)
            try:
                notify.jellyfin_media_updated(client, env["sonarr_episodefile_path"])
            except notify.httpx.HTTPStatusError:
                notify.jellyfin_refresh_library(client)
        elif event == "Grab":
            conn = catalog.connect()
            catalog.record_grab(conn, env)
        elif event == "HealthIssue":
            notify.ntfy(
                client,
                f"Sonarr health: {env.get('sonarr_health_issue_type', 'unknown')}",
                env.get("sonarr_health_issue_message", ""),
                priority="high" if env.get("sonarr_health_issue_level") == "Error" else "default",
            )
        else:
            log.info("ignoring %s", event)
        return 0
    except Exception:
        log.exception("hook failed for %s", event)
        return 1
    finally:
        if conn is not None:
            conn.close()
        client.close()


if __name__ == "__main__":
    sys.exit(main())
