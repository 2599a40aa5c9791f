"""One-off: push pending orders created since a date back onto the stream."""
import os

import click
import redis
from sqlalchemy import create_engine, text


@click.command()
@click.option("--since", type=click.DateTime(), required=True)
@click.option("--dry-run", is_flag=True)
def requeue(since, dry_run):
    engine = create_engine(os.environ["DATABASE_URL"])
    r = redis.Redis.from_url(os.environ["REDIS_URL"])
    try:
        with engine.connect() as conn:
            ids = conn.execute(
                text("SELECT id FROM orders WHERE status = 'pending' AND created_at >= :s ORDER BY id"),
                {"s": since},
            ).scalars().all()
        click.echo(f"{len(ids)} pending orders since {since:%Y-%m-%d}")
        if not dry_run:
            for order_id in ids:
                r.xadd("orders:new", {"order_id": order_id})
    finally:
        r.close()
        engine.dispose()


if __name__ == "__main__":
    requeue()
