"""event-relay host: pops events from Redis and fans them out to plugins."""
import json
import logging
import os
import tomllib

import redis

from relay.hookspecs import make_manager

log = logging.getLogger("event-relay")
QUEUE = os.environ.get("RELAY_QUEUE", "events:inbound")
BATCH = int(os.environ.get("RELAY_BATCH", "200"))


def load_config() -> dict:
    with open(os.environ.get("RELAY_CONFIG", "/etc/event-relay.toml"), "rb") as fh:
        return tomllib.load(fh)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    config = load_config()
    pm = make_manager()
    pm.hook.relay_configure(config=config)

    queue = redis.Redis.from_url(config["queue"]["redis_url"], decode_responses=True)
    try:
        while True:
            item = queue.blpop(QUEUE, timeout=5)
            if item is None:
                continue
            batch = [item[1]]
            batch.extend(queue.lpop(QUEUE, BATCH - 1) or [])
            for raw in batch:
                pm.hook.relay_event(event=json.loads(raw))
            pm.hook.relay_flush()
            log.info("relayed %d events", len(batch))
    except KeyboardInterrupt:
        pass
    finally:
        pm.hook.relay_unconfigure()
        queue.close()


if __name__ == "__main__":
    main()
