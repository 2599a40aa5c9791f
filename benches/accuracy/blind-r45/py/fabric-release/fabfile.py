"""One-off release tasks. `fab` runs exactly one task per process and exits."""
import datetime as dt
import os
import subprocess

import boto3
import psycopg
from fabric import Connection, SerialGroup, task

ARTIFACT_BUCKET = os.environ.get("ARTIFACT_BUCKET", "acme-release-artifacts")
BACKUP_BUCKET = os.environ.get("BACKUP_BUCKET", "acme-db-backups")
DB_DSN = os.environ.get("RELEASE_DB_DSN", "postgresql://release:release@db-primary.internal:5432/shop")
APP_HOSTS = os.environ.get("APP_HOSTS", "app1.internal,app2.internal,app3.internal").split(",")


@task
def deploy(c, version):
    """Push a build to every app host, restart, and record the release."""
    s3 = boto3.client("s3")
    url = s3.generate_presigned_url(
        "get_object",
        Params={"Bucket": ARTIFACT_BUCKET, "Key": f"shop/{version}.tar.gz"},
        ExpiresIn=900,
    )
    hosts = APP_HOSTS
    for host in hosts:
        with Connection(host, user="deploy") as conn:
            conn.run(f"curl -fsSL '{url}' -o /tmp/shop-{version}.tar.gz")
            conn.run(f"mkdir -p /srv/shop/releases/{version}")
            conn.run(f"tar -xzf /tmp/shop-{version}.tar.gz -C /srv/shop/releases/{version}")
            conn.run(f"ln -sfn /srv/shop/releases/{version} /srv/shop/current")
            conn.sudo("systemctl restart shop.service")

    with psycopg.connect(DB_DSN, connect_timeout=10) as db:
        db.execute(
            "INSERT INTO releases (version, hosts, deployed_at, deployed_by)"
            " VALUES (%s, %s, now(), %s)",
            (version, list(hosts), os.environ.get("USER", "ci")),
        )


@task(name="snapshot-db")
def snapshot_db(c):
    """pg_dump the primary and upload the dump to S3."""
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    dump_path = f"/tmp/shop-{stamp}.dump"
    subprocess.run(["pg_dump", "--format=custom", "--file", dump_path, DB_DSN], check=True)
    s3 = boto3.client("s3")
    s3.upload_file(dump_path, BACKUP_BUCKET, f"shop/{stamp}.dump")
    os.remove(dump_path)


@task(name="backfill-invoice-totals")
def backfill_invoice_totals(c, since, batch=5000):
    """Recompute invoice totals in batches; safe to re-run."""
    conn = psycopg.connect(DB_DSN, connect_timeout=10, autocommit=True)
    try:
        last_id = 0
        while True:
            with conn.transaction():
                rows = conn.execute(
                    "SELECT id FROM invoices WHERE issued_at >= %s AND id > %s"
                    " ORDER BY id LIMIT %s",
                    (since, last_id, int(batch)),
                ).fetchall()
                if not rows:
                    break
                ids = [r[0] for r in rows]
                conn.execute(
                    "UPDATE invoices i SET total = s.total FROM ("
                    "  SELECT invoice_id, sum(quantity * unit_price) AS total"
                    "  FROM invoice_lines WHERE invoice_id = ANY(%s) GROUP BY invoice_id"
                    ") s WHERE s.invoice_id = i.id",
                    (ids,),
                )
                last_id = ids[-1]
            print(f"backfilled up to invoice {last_id}")
    finally:
        conn.close()


@task
def uptime(c):
    """Quick health check of all app hosts."""
    for result in SerialGroup(*APP_HOSTS, user="deploy").run("uptime", hide=True).values():
        print(f"{result.connection.host}: {result.stdout.strip()}")
