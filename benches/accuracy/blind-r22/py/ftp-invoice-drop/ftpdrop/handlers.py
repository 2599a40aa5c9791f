"""pyftpdlib handler: one instance per supplier FTP control connection."""
import logging
import os

import boto3
import pymysql
from pyftpdlib.handlers import TLS_FTPHandler

from ftpdrop import audit, catalog

log = logging.getLogger("ftpdrop")

BUCKET = os.environ.get("INVOICE_BUCKET", "acme-supplier-invoices")
MYSQL = dict(
    host=os.environ.get("ERP_DB_HOST", "erp-db.internal"),
    user=os.environ.get("ERP_DB_USER", "ftpdrop"),
    password=os.environ.get("ERP_DB_PASSWORD", ""),
    database="erp",
    cursorclass=pymysql.cursors.DictCursor,
    connect_timeout=5,
)


class InvoiceDropHandler(TLS_FTPHandler):
    tls_control_required = True
    tls_data_required = True
    supplier = None

    def on_connect(self):
        audit.record("connect", None, self.remote_ip)

    def on_login(self, username):
        conn = pymysql.connect(**MYSQL)
        with conn:
            with conn.cursor() as cur:
                cur.execute(
                    "SELECT id, name, ap_queue, s3_prefix FROM suppliers "
                    "WHERE ftp_username = %s AND active = 1",
                    (username,),
                )
                self.supplier = cur.fetchone()
        audit.record("login", username, self.remote_ip)
        if self.supplier is None:
            log.warning("login for unmapped supplier account %s", username)
            self.respond("421 Account not linked to a supplier.")
            self.close_when_done()

    def on_login_failed(self, username, password):
        audit.record("login_failed", username, self.remote_ip)

    def on_logout(self, username):
        audit.record("logout", username, self.remote_ip)

    def on_file_received(self, file):
        if self.supplier is None:
            os.remove(file)
            return
        checksum = catalog.sha256_of(file)
        key = f"{self.supplier['s3_prefix']}/{checksum[:2]}/{os.path.basename(file)}"
        s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
        s3.upload_file(
            file,
            BUCKET,
            key,
            ExtraArgs={"Metadata": {"supplier-id": str(self.supplier["id"])}},
        )
        doc = catalog.register(self.supplier["id"], os.path.basename(file), checksum, key)
        audit.record(
            "file_received", self.username, self.remote_ip, s3_key=key, catalog_id=str(doc["_id"])
        )
        os.remove(file)

    def on_incomplete_file_received(self, file):
        audit.record("file_incomplete", self.username, self.remote_ip, path=file)
        os.remove(file)
