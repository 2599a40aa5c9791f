"""Ingest process: one row per scanned document uploaded to the `scans` bucket."""
import logging
import os
from urllib.parse import unquote_plus

from minio import Minio
from sqlalchemy import text

from scanpipe.db import make_engine

log = logging.getLogger("scanpipe.ingest")
BUCKET = os.environ.get("SCANS_BUCKET", "scans")

INSERT_SQL = text(
    "MERGE INTO scanned_documents d USING (SELECT :k AS object_key FROM dual) s "
    "ON (d.object_key = s.object_key) "
    "WHEN NOT MATCHED THEN INSERT (object_key, size_bytes, etag, uploaded_at) "
    "VALUES (:k, :sz, :etag, SYSTIMESTAMP)"
)


def main():
    logging.basicConfig(level=logging.INFO)
    engine = make_engine()
    store = Minio(
        os.environ.get("MINIO_ENDPOINT", "minio.internal:9000"),
        access_key=os.environ["MINIO_ACCESS_KEY"],
        secret_key=os.environ["MINIO_SECRET_KEY"],
        secure=False,
    )
    while True:
        with store.listen_bucket_notification(BUCKET, suffix=".pdf", events=["s3:ObjectCreated:*"]) as events:
            for event in events:
                for record in event.get("Records", []):
                    obj = record["s3"]["object"]
                    key = unquote_plus(obj["key"])
                    with engine.begin() as conn:
                        conn.execute(INSERT_SQL, {"k": key, "sz": obj.get("size", 0), "etag": obj.get("eTag")})
                    log.info("registered %s", key)
        log.warning("notification stream ended, re-listening")


if __name__ == "__main__":
    main()
