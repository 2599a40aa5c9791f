"""Entry point: `python -m ftpdrop.server`."""
import logging
import os

import pymysql
from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.servers import FTPServer

from ftpdrop.handlers import MYSQL, InvoiceDropHandler

SPOOL_DIR = os.environ.get("SPOOL_DIR", "/var/spool/ftpdrop")


def load_accounts() -> DummyAuthorizer:
    """Read FTP accounts once at start-up; restart the service to pick up new ones."""
    authorizer = DummyAuthorizer()
    conn = pymysql.connect(**MYSQL)
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT ftp_username, ftp_password FROM suppliers "
                "WHERE active = 1 AND ftp_username IS NOT NULL"
            )
            for row in cur.fetchall():
                home = os.path.join(SPOOL_DIR, row["ftp_username"])
                os.makedirs(home, exist_ok=True)
                authorizer.add_user(row["ftp_username"], row["ftp_password"], home, perm="elw")
    finally:
        conn.close()
    return authorizer


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    handler = InvoiceDropHandler
    handler.authorizer = load_accounts()
    handler.certfile = os.environ.get("TLS_CERT", "/etc/ftpdrop/cert.pem")
    handler.keyfile = os.environ.get("TLS_KEY", "/etc/ftpdrop/key.pem")
    handler.passive_ports = range(50000, 50100)
    handler.masquerade_address = os.environ.get("PUBLIC_IP")
    handler.banner = "ACME invoice drop ready."

    server = FTPServer(("0.0.0.0", int(os.environ.get("FTP_PORT", "2121"))), handler)
    server.max_cons = 200
    server.max_cons_per_ip = 5
    server.serve_forever()


if __name__ == "__main__":
    main()
