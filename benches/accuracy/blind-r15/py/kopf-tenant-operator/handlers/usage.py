import os

import kopf
import psycopg
import redis

GROUP, VERSION, PLURAL = "example.com", "v1", "tenants"
METRICS_DSN = os.environ["METRICS_DB_DSN"]
REDIS_HOST = os.environ.get("REDIS_HOST", "redis")


@kopf.timer(GROUP, VERSION, PLURAL, interval=60.0, idle=30.0)
def report_usage(name, patch, **_):
    with psycopg.connect(METRICS_DSN) as conn:
        row = conn.execute(
            "SELECT count(*), coalesce(sum(bytes), 0) FROM events WHERE tenant = %s "
            "AND ts > now() - interval '1 day'",
            (name,),
        ).fetchone()
    patch.status["usage"] = {"events24h": row[0], "bytes24h": int(row[1])}


@kopf.daemon(GROUP, VERSION, PLURAL, cancellation_timeout=5.0)
def watch_quota(stopped: kopf.DaemonStopped, name, spec, logger, **_):
    limit = int(spec.get("quota", {}).get("requestsPerMinute", 600))
    while not stopped:
        r = redis.Redis(host=REDIS_HOST, port=6379, db=2)
        current = int(r.get(f"rpm:{name}") or 0)
        if current > limit:
            logger.warning("tenant %s over quota: %d > %d", name, current, limit)
            r.set(f"throttle:{name}", 1, ex=60)
        stopped.wait(10)
    logger.info("quota watcher for %s stopped", name)
