"""Release-phase one-off: delete raw trades older than N days, then exit."""
import argparse
import asyncio

from sqlalchemy import text

from tickstore.db import make_engine


async def main(days: int) -> None:
    engine = await make_engine(pool_size=1, attempts=5)
    try:
        async with engine.begin() as conn:
            result = await conn.execute(
                text("DELETE FROM trades WHERE ts < now() - make_interval(days => :d)"), {"d": days}
            )
        print(f"pruned {result.rowcount} trades older than {days} days")
    finally:
        await engine.dispose()


def run() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--older-than-days", type=int, default=30)
    args = parser.parse_args()
    asyncio.run(main(args.older_than_days))
