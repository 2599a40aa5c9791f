import csv
import io
import os
from itertools import batched

import boto3
import httpx
from cement import App, Controller, ex, init_defaults
from sqlalchemy import create_engine, text

CONFIG = init_defaults("opsctl")
CONFIG["opsctl"]["db_url"] = os.environ.get("BILLING_DB_URL", "postgresql://billing@db/billing")
CONFIG["opsctl"]["export_bucket"] = os.environ.get("EXPORT_BUCKET", "billing-exports")
CONFIG["opsctl"]["cdn_api"] = os.environ.get("CDN_API", "https://api.cdn.example.com")


class Base(Controller):
    class Meta:
        label = "base"
        description = "Billing operations (run by hand or from a one-shot k8s Job)"

    @ex(
        help="export a month of invoices to S3 as CSV chunks",
        arguments=[(["--month"], {"required": True, "help": "YYYY-MM"})],
    )
    def export(self):
        month = self.app.pargs.month
        engine = create_engine(self.app.config.get("opsctl", "db_url"))
        s3 = boto3.client("s3")
        bucket = self.app.config.get("opsctl", "export_bucket")
        try:
            with engine.connect() as conn:
                rows = conn.execute(
                    text("select number, customer_id, total_cents, issued_at from invoices "
                         "where to_char(issued_at, 'YYYY-MM') = :m order by number"),
                    {"m": month},
                )
                for i, chunk in enumerate(batched(rows, 5000)):
                    buf = io.StringIO()
                    csv.writer(buf).writerows(chunk)
                    s3.put_object(Bucket=bucket, Key=f"invoices/{month}/part-{i:04d}.csv", Body=buf.getvalue())
                    self.app.log.info(f"wrote part {i}")
        finally:
            engine.dispose()

    @ex(
        help="purge CDN cache for the given invoice PDFs",
        arguments=[(["numbers"], {"nargs": "+"})],
    )
    def purge(self):
        with httpx.Client(base_url=self.app.config.get("opsctl", "cdn_api"), timeout=10) as http:
            for number in self.app.pargs.numbers:
                resp = http.post("/purge", json={"path": f"/invoices/{number}.pdf"})
                self.app.log.info(f"{number}: {resp.status_code}")


class OpsCtl(App):
    class Meta:
        label = "opsctl"
        config_defaults = CONFIG
        handlers = [Base]
        exit_on_close = True


def main():
    with OpsCtl() as app:
        app.run()


if __name__ == "__main__":
    main()
