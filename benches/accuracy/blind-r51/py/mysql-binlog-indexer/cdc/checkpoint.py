import os

import redis

# One client for the process; the binlog position is saved after every event batch.
_r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/3"), decode_responses=True)
KEY = "cdc:orders-indexer:position"


def load():
    pos = _r.hgetall(KEY)
    if not pos:
        return None, None
    return pos["log_file"], int(pos["log_pos"])


def save(log_file: str, log_pos: int) -> None:
    _r.hset(KEY, mapping={"log_file": log_file, "log_pos": log_pos})
