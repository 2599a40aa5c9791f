import os
import threading

import psycopg2
import psycopg2.pool
import radiusd
import redis

DSN = os.environ.get("HOTSPOT_DSN", "dbname=hotspot user=radius host=127.0.0.1")
REALM_REDIS = {
    "airport": os.environ.get("REDIS_AIRPORT", "redis://10.20.0.5:6379/0"),
    "malls": os.environ.get("REDIS_MALLS", "redis://10.30.0.5:6379/0"),
    "hotels": os.environ.get("REDIS_HOTELS", "redis://10.40.0.5:6379/0"),
}

_pool = None
_counters = {}
_counters_lock = threading.Lock()


def _attrs(p):
    return {k: v.strip('"') for k, v in p}


def _realm_counter(realm):
    """One Redis client per realm, created on first use and kept for the life of radiusd."""
    if realm not in REALM_REDIS:
        realm = "airport"
    with _counters_lock:
        client = _counters.get(realm)
        if client is None:
            client = redis.Redis.from_url(REALM_REDIS[realm], socket_timeout=0.5, health_check_interval=30)
            _counters[realm] = client
        return client


def instantiate(p):
    global _pool
    _pool = psycopg2.pool.ThreadedConnectionPool(2, 16, DSN, connect_timeout=3, application_name="rlm_python3")
    radiusd.radlog(radiusd.L_INFO, "hotspot_auth: voucher pool ready")
    return radiusd.RLM_MODULE_OK


def authorize(p):
    req = _attrs(p)
    code = req.get("User-Name", "").upper()
    realm = req.get("Called-Station-Id", "").split(":")[-1].lower() or "airport"
    conn = _pool.getconn()
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT minutes, max_devices FROM vouchers WHERE code = %s AND NOT revoked AND expires_at > now()",
                (code,),
            )
            row = cur.fetchone()
        conn.rollback()
    finally:
        _pool.putconn(conn)

    if row is None:
        return (radiusd.RLM_MODULE_REJECT, (("Reply-Message", "Unknown or expired voucher"),), ())
    minutes, max_devices = row
    active = int(_realm_counter(realm).scard(f"sessions:{code}") or 0)
    if active >= max_devices:
        return (radiusd.RLM_MODULE_REJECT, (("Reply-Message", "Device limit reached"),), ())
    reply = (("Session-Timeout", str(minutes * 60)), ("Idle-Timeout", "900"))
    config = (("Cleartext-Password", req.get("User-Password", "")),)
    return (radiusd.RLM_MODULE_UPDATED, reply, config)


def accounting(p):
    req = _attrs(p)
    code = req.get("User-Name", "").upper()
    realm = req.get("Called-Station-Id", "").split(":")[-1].lower() or "airport"
    status = req.get("Acct-Status-Type")
    session_id = req.get("Acct-Session-Id")
    counter = _realm_counter(realm)
    if status == "Start":
        counter.sadd(f"sessions:{code}", session_id)
    elif status == "Stop":
        counter.srem(f"sessions:{code}", session_id)
        conn = _pool.getconn()
        try:
            with conn, conn.cursor() as cur:
                cur.execute(
                    "INSERT INTO usage (code, session_id, seconds, octets_in, octets_out) VALUES (%s, %s, %s, %s, %s)",
                    (
                        code,
                        session_id,
                        int(req.get("Acct-Session-Time", 0)),
                        int(req.get("Acct-Input-Octets", 0)),
                        int(req.get("Acct-Output-Octets", 0)),
                    ),
                )
        finally:
            _pool.putconn(conn)
    return radiusd.RLM_MODULE_OK


def detach(p=None):
    if _pool is not None:
        _pool.closeall()
    with _counters_lock:
        for client in _counters.values():
            client.close()
        _counters.clear()
    return radiusd.RLM_MODULE_OK
