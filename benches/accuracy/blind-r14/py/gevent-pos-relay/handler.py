import json
import logging
import urllib.request

log = logging.getLogger("relay.handler")

INSERT_RECEIPT = (
    "INSERT INTO receipts (store_id, till_id, receipt_no, total_cents, payload) "
    "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (store_id, till_id, receipt_no) DO NOTHING"
)


class TillHandler:
    """Called by gevent's StreamServer once per till connection (in its own greenlet)."""

    def __init__(self, pg_pool, cache, webhook=None):
        self.pg_pool = pg_pool
        self.cache = cache
        self.webhook = webhook

    def __call__(self, sock, address):
        log.info("till connected from %s", address)
        rfile = sock.makefile("rb")
        try:
            for raw in rfile:
                receipt = json.loads(raw)
                self._save(receipt)
                self.cache.hincrby(f"sales:{receipt['store']}", "total_cents", receipt["total_cents"])
                if receipt.get("loyalty_id") and self.webhook:
                    self._notify_loyalty(receipt)
                sock.sendall(b"OK %d\n" % receipt["receipt_no"])
        finally:
            rfile.close()
            sock.close()

    def _save(self, receipt):
        conn = self.pg_pool.getconn()
        try:
            with conn, conn.cursor() as cur:
                cur.execute(
                    INSERT_RECEIPT,
                    (receipt["store"], receipt["till"], receipt["receipt_no"], receipt["total_cents"], json.dumps(receipt)),
                )
        finally:
            self.pg_pool.putconn(conn)

    def _notify_loyalty(self, receipt):
        # plain urllib: one short request, no connection pool involved
        body = json.dumps({"member": receipt["loyalty_id"], "cents": receipt["total_cents"]}).encode()
        req = urllib.request.Request(self.webhook, data=body, headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=3) as resp:
                resp.read()
        except OSError as exc:
            log.warning("loyalty webhook failed: %s", exc)
