"""MySQL access for the campus RADIUS server (FreeRADIUS-style schema)."""

import os

import mysql.connector
from mysql.connector import pooling

MYSQL = {
    "host": os.environ.get("RADIUS_DB_HOST", "mysql.campus.internal"),
    "port": int(os.environ.get("RADIUS_DB_PORT", "3306")),
    "user": os.environ.get("RADIUS_DB_USER", "radius"),
    "password": os.environ.get("RADIUS_DB_PASSWORD", ""),
    "connection_timeout": 5,
}

# Authentication lookups: one pool for the whole server process.
auth_pool = pooling.MySQLConnectionPool(
    pool_name="radius_auth",
    pool_size=32,
    pool_reset_session=True,
    database="radius",
    **MYSQL,
)


def accounting_connection():
    """Connection to the accounting schema (different grants, autocommit)."""
    return mysql.connector.connect(database="radacct", autocommit=True, **MYSQL)


def user_groups(cnx, username):
    cur = cnx.cursor()
    try:
        cur.execute("SELECT groupname FROM radusergroup WHERE username = %s", (username,))
        return [row[0] for row in cur.fetchall()]
    finally:
        cur.close()
