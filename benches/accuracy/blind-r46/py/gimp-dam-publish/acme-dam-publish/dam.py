import os

import boto3
import psycopg

DAM_DSN = os.environ.get("ACME_DAM_DSN", "host=dam-db.acme.lan dbname=dam user=gimp_publish")
DAM_BUCKET = os.environ.get("ACME_DAM_BUCKET", "acme-dam-masters")


def publish(local_path: str, asset_code: str, author: str) -> int:
    """Upload one exported file and register it. Called once per plug-in process."""
    s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-central-1"))
    conn = psycopg.connect(DAM_DSN, connect_timeout=5)
    try:
        key = f"{asset_code}/{os.path.basename(local_path)}"
        s3.upload_file(local_path, DAM_BUCKET, key, ExtraArgs={"ContentType": "image/png"})
        with conn.transaction():
            row = conn.execute(
                "INSERT INTO asset_versions (asset_code, s3_key, author) "
                "VALUES (%s, %s, %s) RETURNING version",
                (asset_code, key, author),
            ).fetchone()
        return row[0]
    finally:
        conn.close()
        s3.close()
