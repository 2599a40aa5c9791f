"""i3 IPC event handlers. Each runs once per focus / workspace event."""
import json
import logging
import urllib.request
from datetime import datetime, timezone

from .models import FocusSpan

log = logging.getLogger(__name__)


class FocusState:
    def __init__(self):
        self.window_class = None
        self.title = None
        self.workspace = None
        self.since = datetime.now(timezone.utc)


def on_window_focus(services, state, i3, event):
    now = datetime.now(timezone.utc)
    con = event.container
    if state.window_class is not None:
        with services.Session() as session, session.begin():
            session.add(FocusSpan(
                host=services.host,
                workspace=state.workspace or "?",
                window_class=state.window_class,
                title=(state.title or "")[:512],
                started_at=state.since,
                ended_at=now,
            ))
    focused_ws = i3.get_tree().find_focused().workspace()
    state.window_class = con.window_class or "unknown"
    state.title = con.name
    state.workspace = focused_ws.name if focused_ws else None
    state.since = now


def on_workspace_focus(services, state, i3, event):
    project = event.current.name.split(":", 1)[-1]
    resp = services.http.post(services.timesheet_url + "/v1/activity",
                              json={"host": services.host, "project": project,
                                    "at": datetime.now(timezone.utc).isoformat()},
                              timeout=5)
    if resp.status_code >= 400:
        log.warning("timesheet rejected activity: %s", resp.text[:200])


def on_shutdown(services, i3, event):
    # Desktop notification daemon bridge; plain urllib, no pool involved.
    body = json.dumps({"summary": "focus tracker stopped", "host": services.host}).encode()
    req = urllib.request.Request("http://127.0.0.1:9876/notify", data=body,
                                 headers={"Content-Type": "application/json"})
    try:
        urllib.request.urlopen(req, timeout=2).close()
    except OSError:
        pass
