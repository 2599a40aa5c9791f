"""Per-packet verdicts for new inbound TCP connections (iptables -j NFQUEUE --queue-num 3)."""
import ipaddress
import logging
import socket
import struct

log = logging.getLogger("guard")


class Guard:
    def __init__(self, r, pg_pool, max_syn_per_10s=40):
        self.r = r
        self.pg_pool = pg_pool
        self.max_syn = max_syn_per_10s
        self.allow = set()
        self.reload_allowlist()

    def reload_allowlist(self):
        conn = self.pg_pool.getconn()
        try:
            with conn.cursor() as cur:
                cur.execute("SELECT cidr FROM allowlist WHERE enabled")
                self.allow = {ipaddress.ip_network(c) for (c,) in cur.fetchall()}
        finally:
            self.pg_pool.putconn(conn)

    def _allowed(self, addr):
        ip = ipaddress.ip_address(addr)
        return any(ip in net for net in self.allow)

    def record_block(self, src):
        conn = self.pg_pool.getconn()
        try:
            with conn, conn.cursor() as cur:
                cur.execute(
                    "INSERT INTO blocks (src, first_seen, hits) VALUES (%s, now(), 1) "
                    "ON CONFLICT (src) DO UPDATE SET hits = blocks.hits + 1, last_seen = now()",
                    (src,),
                )
        finally:
            self.pg_pool.putconn(conn)

    def __call__(self, pkt):
        payload = pkt.get_payload()
        ihl = (payload[0] & 0x0F) * 4
        src = socket.inet_ntoa(payload[12:16])
        dport = struct.unpack("!H", payload[ihl + 2 : ihl + 4])[0]

        if self._allowed(src):
            pkt.accept()
            return

        key = f"syn:{src}"
        pipe = self.r.pipeline()
        pipe.incr(key)
        pipe.expire(key, 10)
        count, _ = pipe.execute()

        if count > self.max_syn:
            if count == self.max_syn + 1:
                log.warning("blocking %s (port %d)", src, dport)
                self.record_block(src)
            pkt.drop()
        else:
            pkt.accept()
