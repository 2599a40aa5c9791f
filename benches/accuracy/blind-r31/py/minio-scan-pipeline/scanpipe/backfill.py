"""Release-phase backfill: registers objects uploaded before notifications were enabled."""
import argparse
import os
from datetime import datetime, timezone

from minio import Minio
from sqlalchemy import text

from scanpipe.db import make_engine
from scanpipe.ingest import BUCKET, INSERT_SQL


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--since", required=True, help="YYYY-MM-DD")
    args = parser.parse_args()
    since = datetime.strptime(args.since, "%Y-%m-%d").replace(tzinfo=timezone.utc)

    engine = make_engine()
    store = Minio(
        os.environ.get("MINIO_ENDPOINT", "minio.internal:9000"),
        access_key=os.environ["MINIO_ACCESS_KEY"],
        secret_key=os.environ["MINIO_SECRET_KEY"],
        secure=False,
    )
    count = 0
    try:
        with engine.begin() as conn:
            for obj in store.list_objects(BUCKET, recursive=True):
                if not obj.object_name.endswith(".pdf") or obj.last_modified < since:
                    continue
                conn.execute(INSERT_SQL, {"k": obj.object_name, "sz": obj.size, "etag": obj.etag})
                count += 1
    finally:
        engine.dispose()
    print(f"backfilled {count} objects")


if __name__ == "__main__":
    main()
