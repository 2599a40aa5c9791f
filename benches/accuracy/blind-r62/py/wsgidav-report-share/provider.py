"""Read-only WebDAV view of the finance reports archive.

Accountants mount https://reports.internal/dav/ in Finder or Explorer and see
one folder per client company containing that company's published monthly
PDF reports. Report metadata lives in Postgres, the PDFs themselves in S3.

WsgiDAV calls ``get_resource_inst`` for every path it touches while serving a
request (a PROPFIND with Depth: 1 resolves the folder and then every member).
"""
import io
import logging
import os

import boto3
from wsgidav import util
from wsgidav.dav_provider import DAVCollection, DAVNonCollection, DAVProvider

log = logging.getLogger("reportshare.provider")

BUCKET = os.environ.get("REPORTS_BUCKET", "acme-finance-reports")
REGION = os.environ.get("AWS_REGION", "eu-central-1")


class ReportFile(DAVNonCollection):
    """One PDF. ``row`` is the ``reports`` record for it."""

    def __init__(self, path, environ, row):
        super().__init__(path, environ)
        self.row = row
        self.s3 = boto3.client("s3", region_name=REGION)

    def get_content_length(self):
        return self.row["size_bytes"]

    def get_content_type(self):
        return "application/pdf"

    def get_creation_date(self):
        return self.row["created_at"].timestamp()

    def get_last_modified(self):
        return self.row["updated_at"].timestamp()

    def get_etag(self):
        return self.row["sha256"][:32]

    def support_etag(self):
        return True

    def support_ranges(self):
        return False

    def get_content(self):
        obj = self.s3.get_object(Bucket=BUCKET, Key=self.row["s3_key"])
        return io.BytesIO(obj["Body"].read())


class CompanyFolder(DAVCollection):
    def __init__(self, path, environ, company_id):
        super().__init__(path, environ)
        self.company_id = company_id

    def get_member_names(self):
        with self.provider.pool.connection() as conn:
            rows = conn.execute(
                "SELECT file_name FROM reports"
                " WHERE company_id = %s AND published ORDER BY file_name",
                (self.company_id,),
            ).fetchall()
        return [r["file_name"] for r in rows]

    def get_member(self, name):
        return self.provider.get_resource_inst(util.join_uri(self.path, name), self.environ)


class RootFolder(DAVCollection):
    def get_member_names(self):
        with self.provider.pool.connection() as conn:
            rows = conn.execute(
                "SELECT slug FROM companies WHERE dav_enabled ORDER BY slug"
            ).fetchall()
        return [r["slug"] for r in rows]

    def get_member(self, name):
        return self.provider.get_resource_inst(util.join_uri(self.path, name), self.environ)


class ReportProvider(DAVProvider):
    def __init__(self, pool):
        super().__init__()
        self.pool = pool

    def is_readonly(self):
        return True

    def get_resource_inst(self, path, environ):
        parts = [p for p in path.strip("/").split("/") if p]
        if not parts:
            return RootFolder("/", environ)

        conn = self.pool.getconn()
        company = conn.execute(
            "SELECT id FROM companies WHERE slug = %s AND dav_enabled", (parts[0],)
        ).fetchone()
        if company is None:
            log.info("unknown company folder %r", parts[0])
            return None
        if len(parts) == 1:
            self.pool.putconn(conn)
            return CompanyFolder(path, environ, company["id"])

        row = conn.execute(
            "SELECT file_name, s3_key, size_bytes, sha256, created_at, updated_at"
            " FROM reports WHERE company_id = %s AND file_name = %s AND published",
            (company["id"], parts[1]),
        ).fetchone()
        self.pool.putconn(conn)
        if row is None or len(parts) > 2:
            return None
        return ReportFile(path, environ, row)
