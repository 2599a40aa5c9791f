"""Talks to the PowerDNS gpgsql database and the PowerDNS HTTP API."""
import psycopg
import requests


class PdnsPgClient:
    """Holds one DB connection and one HTTP session for a whole certbot run."""

    def __init__(self, dsn: str, api_url: str, api_key: str) -> None:
        self._conn = psycopg.connect(dsn, autocommit=True, connect_timeout=10)
        self._http = requests.Session()
        self._http.headers["X-API-Key"] = api_key
        self._api_url = api_url.rstrip("/")

    def _zone_for(self, domain: str):
        labels = domain.rstrip(".").split(".")
        with self._conn.cursor() as cur:
            for i in range(len(labels) - 1):
                candidate = ".".join(labels[i:])
                cur.execute("SELECT id, name FROM domains WHERE name = %s", (candidate,))
                row = cur.fetchone()
                if row:
                    return row
        raise LookupError(f"no PowerDNS zone found for {domain}")

    def _rectify(self, zone_name: str) -> None:
        resp = self._http.put(
            f"{self._api_url}/api/v1/servers/localhost/zones/{zone_name}./rectify",
            timeout=15,
        )
        resp.raise_for_status()

    def add_txt_record(self, domain: str, name: str, content: str, ttl: int) -> None:
        zone_id, zone_name = self._zone_for(domain)
        with self._conn.cursor() as cur:
            cur.execute(
                "INSERT INTO records (domain_id, name, type, content, ttl, auth) "
                "VALUES (%s, %s, 'TXT', %s, %s, true)",
                (zone_id, name, f'"{content}"', ttl),
            )
        self._rectify(zone_name)

    def del_txt_record(self, domain: str, name: str, content: str) -> None:
        zone_id, zone_name = self._zone_for(domain)
        with self._conn.cursor() as cur:
            cur.execute(
                "DELETE FROM records WHERE domain_id = %s AND name = %s "
                "AND type = 'TXT' AND content = %s",
                (zone_id, name, f'"{content}"'),
            )
        self._rectify(zone_name)

    def close(self) -> None:
        self._http.close()
        self._conn.close()
