import json
import logging
import os

import redis
from psycopg2.pool import ThreadedConnectionPool

from alerta.plugins import PluginBase

LOG = logging.getLogger("alerta.plugins.ops_enrich")

CMDB_DSN = os.environ.get("CMDB_DSN", "postgresql://alerta_ro@cmdb-db:5432/cmdb")
CACHE_TTL = int(os.environ.get("CMDB_CACHE_TTL", "600"))

cmdb_pool = ThreadedConnectionPool(1, 8, dsn=CMDB_DSN)
cache = redis.Redis.from_url(os.environ.get("ENRICH_REDIS_URL", "redis://localhost:6379/5"))


def lookup_ci(hostname: str):
    key = f"alerta:ci:{hostname}"
    hit = cache.get(key)
    if hit is not None:
        return json.loads(hit)
    conn = cmdb_pool.getconn()
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT owner_team, tier, runbook_url FROM ci WHERE hostname = %s",
                (hostname,),
            )
            row = cur.fetchone()
        conn.rollback()
    finally:
        cmdb_pool.putconn(conn)
    ci = None if row is None else {"team": row[0], "tier": row[1], "runbook": row[2]}
    cache.setex(key, CACHE_TTL, json.dumps(ci))
    return ci


class CmdbEnrich(PluginBase):
    def pre_receive(self, alert, **kwargs):
        ci = lookup_ci(alert.resource)
        if ci is None:
            alert.attributes["cmdb"] = "unknown"
            return alert
        alert.attributes["team"] = ci["team"]
        alert.attributes["runbook"] = ci["runbook"]
        if ci["tier"] == "tier0" and "tier0" not in alert.tags:
            alert.tags.append("tier0")
        return alert

    def post_receive(self, alert, **kwargs):
        return

    def status_change(self, alert, status, text, **kwargs):
        return
