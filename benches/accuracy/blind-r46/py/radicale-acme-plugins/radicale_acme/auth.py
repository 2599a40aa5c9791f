"""Radicale [auth] plugin: checks credentials against the directory DB.

Radicale instantiates Auth once at server start and calls login() for every
HTTP request that carries credentials.
"""
import os

import bcrypt
from psycopg2.pool import ThreadedConnectionPool
from radicale import auth
from radicale.log import logger

_pool = ThreadedConnectionPool(
    minconn=4,
    maxconn=64,
    dsn=os.environ.get("ACME_DIRECTORY_DSN", "dbname=directory host=pg.acme.lan user=radicale"),
)


class Auth(auth.BaseAuth):
    def __init__(self, configuration):
        super().__init__(configuration)
        self._domain = os.environ.get("ACME_MAIL_DOMAIN", "acme.io")

    def login(self, login, password):
        if "@" not in login:
            login = f"{login}@{self._domain}"

        conn = _pool.getconn()
        cur = conn.cursor()
        cur.execute(
            "SELECT password_hash, disabled FROM accounts WHERE lower(email) = lower(%s)",
            (login,),
        )
        row = cur.fetchone()
        if row is None:
            logger.info("acme auth: unknown account %r", login)
            return ""
        password_hash, disabled = row
        if disabled:
            logger.info("acme auth: disabled account %r", login)
            return ""

        cur.execute("UPDATE accounts SET last_dav_login = now() WHERE lower(email) = lower(%s)", (login,))
        conn.commit()
        cur.close()
        _pool.putconn(conn)

        if bcrypt.checkpw(password.encode(), password_hash.encode()):
            return login.lower()
        return ""
