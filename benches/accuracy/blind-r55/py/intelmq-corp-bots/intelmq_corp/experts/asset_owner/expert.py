"""CMDB asset owner expert

Looks up the owning team and the criticality of the event's IP address in the
CMDB and adds ``extra.asset.owner`` and ``extra.asset.criticality``. Results
(including misses) are cached in Redis through IntelMQ's CacheMixin.
"""
from typing import Optional, Tuple

from intelmq.lib.bot import ExpertBot
from intelmq.lib.exceptions import MissingDependencyError
from intelmq.lib.mixins import CacheMixin

try:
    from psycopg2.pool import ThreadedConnectionPool
except ImportError:
    ThreadedConnectionPool = None

CACHE_MISS = "-"


class AssetOwnerExpertBot(ExpertBot, CacheMixin):
    """Enrich events with the owning team from the CMDB"""
    cmdb_dsn: str = "host=cmdb.internal dbname=cmdb user=intelmq"
    lookup_field: str = "source.ip"
    overwrite: bool = False
    redis_cache_host: str = "127.0.0.1"
    redis_cache_port: int = 6379
    redis_cache_db: int = 12
    redis_cache_ttl: int = 3600
    redis_cache_password: Optional[str] = None

    _pool = None

    def init(self):
        if ThreadedConnectionPool is None:
            raise MissingDependencyError("psycopg2")
        self._pool = ThreadedConnectionPool(1, 2, self.cmdb_dsn)

    def process(self):
        event = self.receive_message()
        address = event.get(self.lookup_field)
        if not address:
            self.send_message(event)
            self.acknowledge_message()
            return

        cached = self.cache_get(address)
        if cached is not None:
            owner, criticality = (None, None) if cached == CACHE_MISS else cached.split("|", 1)
        else:
            owner, criticality = self._lookup(address)
            self.cache_set(address, f"{owner}|{criticality}" if owner else CACHE_MISS)

        if owner:
            event.add("extra.asset.owner", owner, overwrite=self.overwrite)
            event.add("extra.asset.criticality", criticality, overwrite=self.overwrite)
        self.send_message(event)
        self.acknowledge_message()

    def _lookup(self, address: str) -> Tuple[Optional[str], Optional[str]]:
        conn = self._pool.getconn()
        cur = conn.cursor()
        cur.execute(
            "SELECT owner_team, criticality FROM ip_assets "
            "WHERE network >>= %s::inet ORDER BY masklen(network) DESC LIMIT 1",
            (address,),
        )
        row = cur.fetchone()
        if row is None:
            self.logger.debug("No CMDB entry for %s.", address)
            return None, None
        cur.close()
        self._pool.putconn(conn)
        return row[0], row[1]

    def shutdown(self):
        if self._pool is not None:
            self._pool.closeall()
            self._pool = None


BOT = AssetOwnerExpertBot
