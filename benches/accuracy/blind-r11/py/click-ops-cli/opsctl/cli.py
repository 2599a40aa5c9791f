import gzip
import io
import json
from datetime import date, timedelta

import boto3
import click
from opensearchpy import helpers

from .clients import connect_clickhouse, make_opensearch


@click.group()
@click.option("--opensearch", "os_host", envvar="OPENSEARCH_URL", default="https://search.internal:9200")
@click.option("--clickhouse", "ch_host", envvar="CLICKHOUSE_HOST", default="events.clickhouse.cloud")
@click.pass_context
def cli(ctx, os_host, ch_host):
    ctx.obj = {"os_host": os_host, "ch_host": ch_host}


@cli.command()
@click.argument("pattern")
@click.option("--suffix", default=lambda: date.today().strftime("%Y%m%d"))
@click.pass_obj
def reindex(obj, pattern, suffix):
    """Reindex every index matching PATTERN into <name>-<suffix> and swap the alias."""
    client = make_opensearch(obj["os_host"])
    try:
        for name in sorted(client.indices.get(index=pattern)):
            target = f"{name}-{suffix}"
            click.echo(f"{name} -> {target}")
            client.reindex(body={"source": {"index": name}, "dest": {"index": target}}, wait_for_completion=True, request_timeout=3600)
            client.indices.update_aliases(body={"actions": [
                {"remove": {"index": name, "alias": f"{name}-live"}},
                {"add": {"index": target, "alias": f"{name}-live"}},
            ]})
    finally:
        client.close()


@cli.command("export-events")
@click.option("--days", default=7, show_default=True)
@click.option("--bucket", envvar="EXPORT_BUCKET", required=True)
@click.pass_obj
def export_events(obj, days, bucket):
    """Dump the last N days of events to S3, one gzipped NDJSON object per day."""
    ch = connect_clickhouse(obj["ch_host"])
    s3 = boto3.client("s3")
    try:
        for offset in range(days, 0, -1):
            day = date.today() - timedelta(days=offset)
            result = ch.query(
                "SELECT * FROM events WHERE toDate(ts) = {day:Date}",
                parameters={"day": day},
            )
            buf = io.BytesIO()
            with gzip.GzipFile(fileobj=buf, mode="wb") as gz:
                for row in result.named_results():
                    gz.write((json.dumps(row, default=str) + "\n").encode())
            s3.put_object(Bucket=bucket, Key=f"events/{day:%Y/%m/%d}.ndjson.gz", Body=buf.getvalue())
            click.echo(f"{day}: {result.row_count} rows")
    finally:
        ch.close()


@cli.command("load-synonyms")
@click.argument("index")
@click.argument("path", type=click.File("r"))
@click.pass_obj
def load_synonyms(obj, index, path):
    """Bulk-load synonym documents from a JSON-lines file."""
    client = make_opensearch(obj["os_host"])
    try:
        docs = ({"_index": index, "_source": json.loads(line)} for line in path if line.strip())
        ok, errors = helpers.bulk(client, docs, raise_on_error=False)
        click.echo(f"indexed {ok}, {len(errors)} errors")
    finally:
        client.close()


if __name__ == "__main__":
    cli()
