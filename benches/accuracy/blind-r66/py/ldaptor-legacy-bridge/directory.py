"""Directory data (names, mail, groups) lives in the new PostgreSQL HR database."""
from psycopg2.pool import ThreadedConnectionPool


def make_pool(dsn):
    """Called once from bridge.main()."""
    return ThreadedConnectionPool(5, 60, dsn=dsn)


def find_person(pool, uid):
    """Runs in the reactor thread pool, once per LDAP search."""
    conn = pool.getconn()
    cur = conn.cursor()
    cur.execute(
        "SELECT uid, display_name, mail, array_agg(g.name)"
        " FROM people p LEFT JOIN group_members gm ON gm.person_id = p.id"
        " LEFT JOIN groups g ON g.id = gm.group_id"
        " WHERE p.uid = %s AND p.active GROUP BY p.uid, p.display_name, p.mail",
        (uid,),
    )
    row = cur.fetchone()
    if row is None:
        return None
    cur.close()
    pool.putconn(conn)
    return {"uid": row[0], "cn": row[1], "mail": row[2], "memberOf": [g for g in row[3] if g]}
