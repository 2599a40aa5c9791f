"""graphops - run by hand or from a one-shot Kubernetes Job, one command per invocation."""
import csv
import io
import sys

import fire

from . import clients

LABELS = ("Product", "Category", "Brand", "Supplier")


class GraphOps:
    def rebuild_fulltext(self, labels=LABELS, database="catalog"):
        """Drop and recreate the full-text index for each label."""
        with clients.neo4j_driver() as driver:
            driver.verify_connectivity()
            with driver.session(database=database) as session:
                for label in labels:
                    index = f"ft_{label.lower()}"
                    session.run(f"DROP INDEX {index} IF EXISTS")
                    session.run(
                        f"CREATE FULLTEXT INDEX {index} FOR (n:{label}) ON EACH [n.name, n.description]"
                    )
                    print(f"rebuilt {index}", file=sys.stderr)

    def orphan_report(self, database="catalog"):
        """Print products that have no category."""
        with clients.neo4j_driver() as driver:
            records, _, _ = driver.execute_query(
                "MATCH (p:Product) WHERE NOT (p)-[:IN_CATEGORY]->() RETURN p.sku AS sku, p.name AS name",
                database_=database,
            )
        for rec in records:
            print(f"{rec['sku']}\t{rec['name']}")

    def export_day(self, day, bucket="acme-event-exports"):
        """Export one day of click events to S3 as CSV."""
        ch = clients.clickhouse()
        try:
            result = ch.query(
                "SELECT ts, user_id, sku, action FROM clicks WHERE toDate(ts) = {day:Date}",
                parameters={"day": day},
            )
            buf = io.StringIO()
            writer = csv.writer(buf)
            writer.writerow(result.column_names)
            writer.writerows(result.result_rows)
        finally:
            ch.close()

        s3 = clients.s3()
        s3.put_object(Bucket=bucket, Key=f"clicks/{day}.csv", Body=buf.getvalue().encode())
        print(f"exported {len(result.result_rows)} rows for {day}")


def main() -> None:
    fire.Fire(GraphOps)


if __name__ == "__main__":
    main()
