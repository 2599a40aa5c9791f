import json
import urllib.request

from psycopg_pool import ConnectionPool

INSERT = """
INSERT INTO vc_events (vcenter, event_key, event_type, created, username, vm_name, host_name, message)
VALUES (%s, %s, %s, %s, %s, %s, %s, %s)
ON CONFLICT (vcenter, event_key) DO NOTHING
"""


def _row(vcenter, ev):
    return (
        vcenter,
        ev.key,
        type(ev).__name__,
        ev.createdTime,
        ev.userName or None,
        ev.vm.name if getattr(ev, "vm", None) else None,
        ev.host.name if getattr(ev, "host", None) else None,
        ev.fullFormattedMessage,
    )


def store(pool: ConnectionPool, vcenter: str, events) -> int:
    rows = [_row(vcenter, ev) for ev in events]
    if not rows:
        return 0
    with pool.connection() as conn:
        with conn.cursor() as cur:
            cur.executemany(INSERT, rows)
    return len(rows)


def alert(webhook_url: str, vcenter: str, ev) -> None:
    payload = json.dumps({"text": f"[{vcenter}] {type(ev).__name__}: {ev.fullFormattedMessage}"})
    req = urllib.request.Request(
        webhook_url, data=payload.encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(req, timeout=5) as resp:
        resp.read()
