import json
from datetime import datetime, timezone

from . import settings
from .clients import make_redis
from .db import SessionLocal
from .models import Reading


def handle_line(http, line: bytes) -> bytes:
    """Runs in the reactor thread pool, once for every line a device sends."""
    try:
        msg = json.loads(line)
    except ValueError:
        return b"ERR bad-json"

    taken_at = datetime.fromtimestamp(msg["ts"], tz=timezone.utc)
    session = SessionLocal()
    session.add(
        Reading(device=msg["device"], metric=msg["metric"], value=msg["value"], taken_at=taken_at)
    )
    session.commit()

    cache = make_redis()
    cache.hset(f"last:{msg['device']}", msg["metric"], msg["value"])

    limit = settings.THRESHOLDS.get(msg["metric"])
    if limit is not None and msg["value"] > limit:
        http.post(
            settings.ALERT_WEBHOOK,
            json={"device": msg["device"], "metric": msg["metric"], "value": msg["value"]},
            timeout=5,
        )
    return b"ACK"
