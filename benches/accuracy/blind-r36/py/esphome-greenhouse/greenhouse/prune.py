"""Release-phase one-off: delete readings older than --days, then exit."""
import argparse
import asyncio

from .db import make_pool


async def main(days):
    pool = await make_pool(max_size=1)
    try:
        async with pool.acquire() as conn:
            status = await conn.execute(
                "DELETE FROM reading WHERE observed_at < now() - make_interval(days => $1)", days
            )
        print("prune:", status)
    finally:
        await pool.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--days", type=int, default=90)
    asyncio.run(main(parser.parse_args().days))
