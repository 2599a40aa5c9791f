import json
import logging
import os

import redis

from kyc.crew import build_crew

log = logging.getLogger("kyc")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    crew = build_crew()
    while True:
        item = r.blpop("kyc:requests", timeout=30)
        if item is None:
            continue
        req = json.loads(item[1])
        result = crew.kickoff(inputs={"company_id": req["company_id"], "company_name": req["name"]})
        r.hset(f"kyc:result:{req['company_id']}", mapping={"memo": result.raw})
        log.info("memo written for %s", req["company_id"])


if __name__ == "__main__":
    main()
