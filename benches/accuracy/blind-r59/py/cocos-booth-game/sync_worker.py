"""Separate process: drains pending scores to the central event API.

Runs next to the game as its own systemd unit; builds its own Redis client
(via the shared factory) and one httpx.Client, both once in main().
"""
import json
import logging
import os
import time

import httpx

from shared import PENDING_QUEUE, make_redis

log = logging.getLogger("booth.sync")

EVENT_API = os.environ.get("EVENT_API_URL", "https://events.example.com/api/booth-scores")


def main():
    logging.basicConfig(level=logging.INFO)
    redis_client = make_redis()
    http = httpx.Client(
        timeout=10.0,
        headers={"Authorization": f"Bearer {os.environ.get('EVENT_API_TOKEN', '')}"},
    )
    try:
        while True:
            item = redis_client.blpop(PENDING_QUEUE, timeout=30)
            if item is None:
                continue
            _, raw = item
            entry = json.loads(raw)
            try:
                http.post(EVENT_API, json=entry).raise_for_status()
            except httpx.HTTPError as exc:
                log.warning("upload failed (%s); re-queueing %s", exc, entry["id"])
                redis_client.lpush(PENDING_QUEUE, raw)
                time.sleep(15)
    finally:
        http.close()
        redis_client.close()


if __name__ == "__main__":
    main()
