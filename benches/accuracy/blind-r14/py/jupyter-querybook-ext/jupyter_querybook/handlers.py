import csv
import io
import json
import uuid

import tornado
from jupyter_server.base.handlers import APIHandler
from jupyter_server.utils import url_path_join

SAVED_QUERY_SQL = "SELECT id, title, sql FROM querybook.saved_queries WHERE id = %s"


class _Base(APIHandler):
    def initialize(self, pool, s3, bucket):
        # tornado calls initialize() for every request with the kwargs given at registration
        self.pool = pool
        self.s3 = s3
        self.bucket = bucket

    def _saved_query(self, cur, query_id):
        cur.execute(SAVED_QUERY_SQL, (query_id,))
        row = cur.fetchone()
        if row is None:
            raise tornado.web.HTTPError(404, f"no saved query {query_id}")
        return row


class RunQueryHandler(_Base):
    @tornado.web.authenticated
    def post(self, query_id):
        limit = min(int((self.get_json_body() or {}).get("limit", 500)), 5000)
        with self.pool.connection() as conn:
            with conn.cursor() as cur:
                saved = self._saved_query(cur, query_id)
                cur.execute(f"SELECT * FROM ({saved['sql']}) q LIMIT {limit}")
                rows = cur.fetchall()
        self.finish(json.dumps({"title": saved["title"], "rows": rows}, default=str))


class ExportHandler(_Base):
    @tornado.web.authenticated
    def post(self, query_id):
        buf = io.StringIO()
        with self.pool.connection() as conn, conn.cursor() as cur:
            saved = self._saved_query(cur, query_id)
            cur.execute(saved["sql"])
            writer = None
            for row in cur:
                if writer is None:
                    writer = csv.DictWriter(buf, fieldnames=list(row))
                    writer.writeheader()
                writer.writerow(row)
        key = f"exports/{self.current_user.username}/{query_id}-{uuid.uuid4().hex[:8]}.csv"
        self.s3.put_object(Bucket=self.bucket, Key=key, Body=buf.getvalue().encode())
        url = self.s3.generate_presigned_url(
            "get_object", Params={"Bucket": self.bucket, "Key": key}, ExpiresIn=3600
        )
        self.finish(json.dumps({"url": url}))


def setup_handlers(web_app, pool, s3, bucket):
    base_url = web_app.settings["base_url"]
    deps = {"pool": pool, "s3": s3, "bucket": bucket}
    web_app.add_handlers(
        ".*$",
        [
            (url_path_join(base_url, "querybook", r"queries/(\d+)/run"), RunQueryHandler, deps),
            (url_path_join(base_url, "querybook", r"queries/(\d+)/export"), ExportHandler, deps),
        ],
    )
