import os
import sys

import KSR as KSR

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import redis  # noqa: E402
from psycopg_pool import ConnectionPool  # noqa: E402

from notify import push_missed_call  # noqa: E402

# subscriber DB sits behind PgBouncer (pool_mode = transaction)
SUBSCRIBER_DSN = os.environ.get(
    "SUBSCRIBER_DSN",
    "host=pgbouncer.voip.internal port=6432 dbname=subscribers user=kamailio",
)
REDIS_HOST = os.environ.get("PRESENCE_REDIS_HOST", "presence-redis.voip.internal")


def mod_init():
    return kamailio()


class kamailio:
    def __init__(self):
        KSR.info("registrar.py: mod_init\n")
        self.pool = None

    def child_init(self, rank):
        # runs once in every forked SIP worker process
        self.pool = ConnectionPool(SUBSCRIBER_DSN, min_size=1, max_size=4, open=True)
        return 0

    def ksr_request_route(self, msg):
        if KSR.maxfwd.process_maxfwd(10) < 0:
            KSR.sl.sl_send_reply(483, "Too Many Hops")
            return 1
        if KSR.is_OPTIONS():
            KSR.sl.sl_send_reply(200, "Keepalive")
            return 1
        if KSR.is_REGISTER():
            return self.handle_register()
        if KSR.is_INVITE():
            return self.handle_invite()
        KSR.tm.t_relay()
        return 1

    def handle_register(self):
        user = KSR.pv.get("$fU")
        ua = KSR.pv.get("$ua") or ""
        if KSR.registrar.save("location", 0) < 0:
            KSR.sl.sl_reply_error()
            return 1
        presence = redis.Redis(host=REDIS_HOST, port=6379, socket_timeout=0.2)
        key = "sip:online:" + user
        presence.hset(key, mapping={"ua": ua, "src": KSR.pv.get("$si")})
        presence.expire(key, 3600)
        return 1

    def handle_invite(self):
        callee = KSR.pv.get("$rU")
        conn = self.pool.getconn()
        row = conn.execute(
            "SELECT dnd, forward_to FROM subscriber WHERE username = %s", (callee,)
        ).fetchone()
        if row is None:
            KSR.sl.sl_send_reply(404, "Not Found")
            return 1
        dnd, forward_to = row
        conn.rollback()
        self.pool.putconn(conn)

        if dnd:
            KSR.sl.sl_send_reply(486, "Busy Here")
            return 1
        if forward_to:
            KSR.pv.sets("$ru", "sip:" + forward_to + "@" + KSR.pv.get("$rd"))
            KSR.tm.t_relay()
            return 1
        if KSR.registrar.lookup("location") < 0:
            push_missed_call(callee, KSR.pv.get("$fU"), KSR.pv.get("$ci"))
            KSR.sl.sl_send_reply(480, "Temporarily Unavailable")
            return 1
        KSR.tm.t_relay()
        return 1

    def ksr_reply_route(self, msg):
        return 1
