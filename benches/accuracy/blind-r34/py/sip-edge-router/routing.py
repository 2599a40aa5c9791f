"""Least-cost routing lookups, called from ksr_request_route for each INVITE."""
import KSR as KSR

import store


def lookup_gateway(callee):
    digits = "".join(ch for ch in callee if ch.isdigit())
    if not digits:
        return None

    conn = store.pool().getconn()
    cur = conn.cursor()
    cur.execute(
        """
        SELECT g.sip_uri
          FROM lcr_prefix p
          JOIN gateways g ON g.id = p.gateway_id
         WHERE %s LIKE p.prefix || '%%'
           AND g.enabled
         ORDER BY length(p.prefix) DESC, p.cost
         LIMIT 1
        """,
        (digits,),
    )
    row = cur.fetchone()
    if row is None:
        KSR.warn("no LCR prefix for %s\n" % digits)
        return None

    cur.close()
    store.pool().putconn(conn)
    return row[0]
