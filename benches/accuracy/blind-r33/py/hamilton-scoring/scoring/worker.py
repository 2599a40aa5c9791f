import json
import logging
import os

import redis
from hamilton import driver

from scoring import features

log = logging.getLogger("scoring")


def main():
    logging.basicConfig(level=logging.INFO)
    r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://redis:6379/0"), decode_responses=True)
    dr = driver.Builder().with_modules(features).build()

    pubsub = r.pubsub(ignore_subscribe_messages=True)
    pubsub.subscribe("score-requests")
    for message in pubsub.listen():
        req = json.loads(message["data"])
        try:
            out = dr.execute(["risk_score"], inputs={"customer_id": req["customer_id"]})
        except KeyError:
            r.publish(req["reply_to"], json.dumps({"error": "unknown customer"}))
            continue
        score = float(out["risk_score"])
        r.setex(f"risk:{req['customer_id']}", 3600, score)
        r.publish(req["reply_to"], json.dumps({"customer_id": req["customer_id"], "score": score}))
        log.info("scored %s -> %.3f", req["customer_id"], score)


if __name__ == "__main__":
    main()
