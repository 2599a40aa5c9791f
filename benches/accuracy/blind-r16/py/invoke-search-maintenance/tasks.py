"""Search maintenance tasks.

    inv reindex --alias products
    inv snapshot --repo s3-backups
    inv prune-snapshots --keep 14
"""
import json
from datetime import datetime, timezone

import boto3
from invoke import task
from opensearchpy import helpers

from maint_clients import open_db, open_search


@task
def reindex(c, alias="products", batch=2000):
    """Rebuild the index behind ALIAS from the catalog database and swap the alias."""
    new_index = f"{alias}-{datetime.now(timezone.utc):%Y%m%d%H%M}"
    search = open_search()
    try:
        search.indices.create(index=new_index, body={"settings": {"number_of_replicas": 0}})
        with open_db() as conn, conn.cursor(name="reindex_cur") as cur:
            cur.itersize = batch
            cur.execute("SELECT id, sku, title, description, price_cents FROM products WHERE active")
            actions = (
                {"_index": new_index, "_id": row[0], "sku": row[1], "title": row[2], "description": row[3], "price": row[4] / 100}
                for row in cur
            )
            ok, errors = helpers.bulk(search, actions, chunk_size=batch, raise_on_error=False)
        search.indices.put_settings(index=new_index, body={"index": {"number_of_replicas": 1}})
        old = list(search.indices.get_alias(name=alias).keys()) if search.indices.exists_alias(name=alias) else []
        search.indices.update_aliases(
            body={"actions": [{"remove": {"index": i, "alias": alias}} for i in old] + [{"add": {"index": new_index, "alias": alias}}]}
        )
        print(f"indexed {ok} docs into {new_index} ({len(errors)} errors), alias {alias} swapped")
    finally:
        search.close()


@task
def snapshot(c, repo="s3-backups"):
    """Take a snapshot of all indices into REPO."""
    search = open_search()
    try:
        name = f"nightly-{datetime.now(timezone.utc):%Y%m%d-%H%M}"
        search.snapshot.create(repository=repo, snapshot=name, body={"indices": "*"}, wait_for_completion=True)
        print(f"snapshot {name} done")
    finally:
        search.close()


@task(name="prune-snapshots")
def prune_snapshots(c, bucket="search-snapshots", keep=14):
    """Delete snapshot manifests older than the KEEP newest from BUCKET."""
    s3 = boto3.client("s3")
    paginator = s3.get_paginator("list_objects_v2")
    manifests = []
    for page in paginator.paginate(Bucket=bucket, Prefix="snap-"):
        manifests.extend(page.get("Contents", []))
    manifests.sort(key=lambda o: o["LastModified"], reverse=True)
    stale = manifests[int(keep):]
    for chunk_start in range(0, len(stale), 1000):
        chunk = stale[chunk_start : chunk_start + 1000]
        s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": o["Key"]} for o in chunk]})
    print(json.dumps({"kept": len(manifests) - len(stale), "deleted": len(stale)}))
