"""One-off: register objects already in the bucket that predate the watcher.

    python backfill.py --prefix 2024/
"""
import argparse

import boto3

from db import make_engine, make_sessionmaker, record_scan
from watcher import BUCKET


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--prefix", default="")
    args = ap.parse_args()

    s3 = boto3.client("s3")
    engine = make_engine()
    Session = make_sessionmaker(engine)
    count = 0
    try:
        paginator = s3.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=BUCKET, Prefix=args.prefix):
            for obj in page.get("Contents", []):
                etag = obj["ETag"].strip('"')
                record_scan(Session, BUCKET, obj["Key"], obj["Size"], etag)
                count += 1
    finally:
        engine.dispose()
    print(f"registered {count} objects")


if __name__ == "__main__":
    main()
