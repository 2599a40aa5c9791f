"""Site (tenant) registry with one lazily created connection pool per site."""
import ipaddress
import threading

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    import tomli as tomllib

from psycopg_pool import ConnectionPool


class SiteRegistry:
    def __init__(self, path):
        with open(path, "rb") as fh:
            config = tomllib.load(fh)
        self._sites = {}
        self._networks = []
        for name, site in config["sites"].items():
            self._sites[name] = site["dsn"]
            for cidr in site["subnets"]:
                self._networks.append((ipaddress.ip_network(cidr), name))
        self._pools = {}
        self._lock = threading.Lock()

    def site_for(self, ip):
        addr = ipaddress.ip_address(ip)
        for network, name in self._networks:
            if addr in network:
                return name
        return None

    def pool_for(self, site):
        if site not in self._sites:
            raise KeyError(f"unknown site {site!r}")
        pool = self._pools.get(site)
        if pool is not None:
            return pool
        with self._lock:
            pool = self._pools.get(site)
            if pool is None:
                pool = ConnectionPool(self._sites[site], min_size=1, max_size=2,
                                      name=f"flows-{site}")
                self._pools[site] = pool
        return pool

    def close(self):
        with self._lock:
            for pool in self._pools.values():
                pool.close()
            self._pools.clear()
