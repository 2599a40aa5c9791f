"""tenant-ops: operator CLI for the SaaS control plane (run by hand or from a runbook).

    tenant-ops archive --dry-run acme-gmbh globex
    tenant-ops purge-sessions --older-than 30
"""
import csv
import io
from datetime import datetime, timezone

from plumbum import cli
from sqlalchemy import text

from db import make_engine
from exports import RegionalS3


class Ops(cli.Application):
    PROGRAM_NAME = "tenant-ops"
    VERSION = "2.3.0"

    dsn = cli.SwitchAttr("--dsn", str, envname="OPS_DSN", mandatory=True, help="control-plane database")

    def main(self, *args):
        if args:
            print(f"unknown command: {args[0]}")
            return 1
        if not self.nested_command:
            self.help()
            return 1


@Ops.subcommand("archive")
class Archive(cli.Application):
    """Export closed tenants to their regional archive bucket and mark them archived."""

    dry_run = cli.Flag("--dry-run", help="export nothing, only list what would happen")

    def main(self, *slugs):
        engine = make_engine(self.parent.dsn)
        buckets = RegionalS3()
        try:
            query = "SELECT id, slug, region, archive_bucket FROM tenants WHERE status = 'closed'"
            if slugs:
                query += " AND slug = ANY(:slugs)"
            with engine.connect() as conn:
                tenants = conn.execute(text(query), {"slugs": list(slugs)}).all()

            for tenant in tenants:
                if self.dry_run:
                    print(f"would archive {tenant.slug} -> s3://{tenant.archive_bucket} ({tenant.region})")
                    continue
                with engine.begin() as conn:
                    invoices = conn.execute(
                        text("SELECT number, issued_at, total_cents FROM invoices WHERE tenant_id = :t"),
                        {"t": tenant.id},
                    ).all()
                    buf = io.StringIO()
                    writer = csv.writer(buf)
                    writer.writerow(["number", "issued_at", "total_cents"])
                    writer.writerows(invoices)
                    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
                    buckets.client(tenant.region).put_object(
                        Bucket=tenant.archive_bucket,
                        Key=f"{tenant.slug}/invoices-{stamp}.csv",
                        Body=buf.getvalue().encode(),
                    )
                    conn.execute(
                        text("UPDATE tenants SET status = 'archived', archived_at = now() WHERE id = :t"),
                        {"t": tenant.id},
                    )
                print(f"archived {tenant.slug} ({len(invoices)} invoices)")
        finally:
            engine.dispose()


@Ops.subcommand("purge-sessions")
class PurgeSessions(cli.Application):
    """Delete expired login sessions in batches."""

    older_than = cli.SwitchAttr("--older-than", int, default=30, help="days")

    def main(self):
        engine = make_engine(self.parent.dsn)
        total = 0
        try:
            while True:
                with engine.begin() as conn:
                    deleted = conn.execute(
                        text(
                            "DELETE FROM sessions WHERE id IN (SELECT id FROM sessions"
                            " WHERE last_seen < now() - make_interval(days => :d) LIMIT 5000)"
                        ),
                        {"d": self.older_than},
                    ).rowcount
                total += deleted
                if deleted == 0:
                    break
        finally:
            engine.dispose()
        print(f"purged {total} sessions")


if __name__ == "__main__":
    Ops.run()
