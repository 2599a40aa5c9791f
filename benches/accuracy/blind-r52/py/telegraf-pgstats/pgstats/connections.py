"""One monitoring connection per cluster, kept across collection intervals."""
import psycopg


class ClusterConnections:
    """Lazily opened, per-cluster cache keyed by the names in clusters.toml.

    The set of keys is fixed at start-up (the config file), so the cache
    never grows beyond one connection per configured cluster.
    """

    def __init__(self, dsns):
        self._dsns = dict(dsns)
        self._conns = {}

    def get(self, name):
        conn = self._conns.get(name)
        if conn is not None and not conn.closed and not conn.broken:
            return conn
        if conn is not None:
            conn.close()
        conn = psycopg.connect(
            self._dsns[name],
            autocommit=True,
            connect_timeout=5,
            application_name="telegraf-pgstats",
        )
        self._conns[name] = conn
        return conn

    def discard(self, name):
        conn = self._conns.pop(name, None)
        if conn is not None:
            conn.close()

    def close_all(self):
        for name in list(self._conns):
            self.discard(name)
