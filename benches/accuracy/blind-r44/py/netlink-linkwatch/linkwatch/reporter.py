"""Writes netlink events to Postgres and pages on uplink flaps."""
import logging
import socket

log = logging.getLogger("linkwatch.reporter")

UPLINKS = {"wan0", "wan1", "bond0"}


class LinkReporter:
    def __init__(self, conn, http, alert_url):
        self.conn = conn
        self.http = http
        self.alert_url = alert_url
        self.host = socket.gethostname()

    def link(self, event, ifname, ifindex, operstate, carrier):
        from linkwatch.store import INSERT_LINK

        with self.conn.cursor() as cur:
            cur.execute(INSERT_LINK, (self.host, ifname, ifindex, operstate, carrier, event))
        self.conn.commit()
        if ifname in UPLINKS and operstate != "UP":
            self._page(f"{self.host}: uplink {ifname} is {operstate} (carrier={carrier})")

    def addr(self, event, ifindex, address, prefixlen):
        from linkwatch.store import INSERT_ADDR

        with self.conn.cursor() as cur:
            cur.execute(INSERT_ADDR, (self.host, ifindex, address, prefixlen, event))
        self.conn.commit()

    def _page(self, text):
        try:
            self.http.post(self.alert_url, json={"summary": text, "severity": "critical"})
        except Exception as exc:
            log.warning("paging failed: %s", exc)
