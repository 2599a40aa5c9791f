import psycopg2
from django.core.management.base import BaseCommand
from django.db import transaction

from shop.models import LedgerEntry


class Command(BaseCommand):
    help = "One-off import of ledger rows from the legacy accounting database."

    def add_arguments(self, parser):
        parser.add_argument("legacy_dsn")
        parser.add_argument("--batch", type=int, default=5000)

    def handle(self, *args, **opts):
        legacy = psycopg2.connect(opts["legacy_dsn"])
        imported = 0
        try:
            with legacy.cursor(name="ledger_export") as cur:
                cur.itersize = opts["batch"]
                cur.execute("SELECT id, account, amount_cents, booked_at FROM ledger ORDER BY id")
                while True:
                    rows = cur.fetchmany(opts["batch"])
                    if not rows:
                        break
                    with transaction.atomic():
                        LedgerEntry.objects.bulk_create(
                            [
                                LedgerEntry(legacy_id=r[0], account=r[1], amount_cents=r[2], booked_at=r[3])
                                for r in rows
                            ],
                            ignore_conflicts=True,
                        )
                    imported += len(rows)
                    self.stdout.write(f"imported {imported} rows")
        finally:
            legacy.close()
        self.stdout.write(self.style.SUCCESS(f"done: {imported} rows"))
