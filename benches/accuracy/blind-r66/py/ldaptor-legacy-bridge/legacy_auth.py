"""Password check against the old portal's MySQL user table (bcrypt hashes)."""
import os

import bcrypt
import pymysql

BASE_DN = os.environ.get("LDAP_BASE_DN", "ou=people,dc=portal,dc=example")


def uid_from_dn(dn):
    first, _, rest = dn.partition(",")
    if not first.lower().startswith("uid=") or rest.lower() != BASE_DN.lower():
        return None
    return first[4:]


def check_password(dn, password):
    """Runs in the reactor thread pool, once per LDAP simple bind."""
    uid = uid_from_dn(dn)
    if uid is None or not password:
        return False
    conn = pymysql.connect(
        host=os.environ["LEGACY_DB_HOST"],
        user=os.environ["LEGACY_DB_USER"],
        password=os.environ["LEGACY_DB_PASSWORD"],
        database="portal",
        connect_timeout=3,
    )
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT pw_hash FROM users WHERE login = %s AND disabled = 0", (uid,))
            row = cur.fetchone()
    finally:
        conn.close()
    return row is not None and bcrypt.checkpw(password, row[0].encode("ascii"))
