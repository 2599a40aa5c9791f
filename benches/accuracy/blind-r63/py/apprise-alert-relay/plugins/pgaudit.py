"""Custom Apprise notification: pgaudit://<channel>

Apprise calls pgaudit_notify() once for every notification sent to a
pgaudit:// URL, i.e. once per relayed alert.
"""
from apprise.decorators import notify

from audit_store import get_pool


@notify(on="pgaudit", name="Postgres alert audit trail")
def pgaudit_notify(body, title, notify_type, *args, meta=None, **kwargs):
    channel = (meta or {}).get("host") or "default"
    with get_pool().connection() as conn:
        conn.execute(
            "INSERT INTO alert_audit (channel, level, title, body) VALUES (%s, %s, %s, %s)",
            (channel, str(notify_type), title, body),
        )
    return True
