"""Thumbnail and catalogue every scanned page under a prefix (run per accession batch)."""
import argparse

import boto3
import parsl
from parsl import python_app
from parsl.config import Config
from parsl.executors import HighThroughputExecutor
from parsl.providers import LocalProvider


@python_app
def make_thumbnails(key: str) -> dict:
    from scanlib.thumbs import render
    return render(key)


@python_app
def catalogue(page: dict) -> bool:
    from scanlib.catalog import register
    return register(page)


def list_keys(s3, bucket: str, prefix: str) -> list[str]:
    keys = []
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        keys.extend(o["Key"] for o in page.get("Contents", []) if o["Key"].endswith(".tif"))
    return keys


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("prefix")
    parser.add_argument("--bucket", default="archive-scans")
    parser.add_argument("--workers", type=int, default=16)
    args = parser.parse_args()

    parsl.load(Config(executors=[
        HighThroughputExecutor(
            label="htex",
            max_workers_per_node=args.workers,
            provider=LocalProvider(init_blocks=1, max_blocks=1),
        )
    ]))
    try:
        keys = list_keys(boto3.client("s3"), args.bucket, args.prefix)
        futures = [catalogue(make_thumbnails(k)) for k in keys]
        added = sum(1 for f in futures if f.result())
        print(f"{len(keys)} pages, {added} newly catalogued")
    finally:
        parsl.dfk().cleanup()


if __name__ == "__main__":
    main()
