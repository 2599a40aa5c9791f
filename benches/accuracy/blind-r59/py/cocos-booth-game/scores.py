"""Score bookkeeping used by the game layer (clients are injected)."""
import json
import time
import uuid

from shared import LEADERBOARD_KEY, PENDING_QUEUE


class ScoreBoard:
    def __init__(self, redis_client, booth_id: str):
        self._redis = redis_client
        self._booth_id = booth_id

    def submit(self, nickname: str, score: int, reaction_ms: list[int]) -> None:
        entry = {
            "id": str(uuid.uuid4()),
            "booth": self._booth_id,
            "nickname": nickname[:16],
            "score": score,
            "best_ms": min(reaction_ms) if reaction_ms else None,
            "played_at": int(time.time()),
        }
        pipe = self._redis.pipeline()
        pipe.zadd(LEADERBOARD_KEY, {f"{entry['nickname']}#{entry['id'][:4]}": score})
        pipe.rpush(PENDING_QUEUE, json.dumps(entry))
        pipe.execute()

    def top(self, n: int = 5) -> list[tuple[str, int]]:
        rows = self._redis.zrevrange(LEADERBOARD_KEY, 0, n - 1, withscores=True)
        return [(member.split("#", 1)[0], int(score)) for member, score in rows]

    def pending(self) -> int:
        return self._redis.llen(PENDING_QUEUE)
