"""One-off: python enqueue.py 12 34 56  -> queue those articles for (re)indexing."""
import asyncio
import os
import sys

from saq import Queue


async def main(article_ids: list[int]) -> None:
    queue = Queue.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    try:
        for article_id in article_ids:
            await queue.enqueue("index_article", article_id=article_id)
        print(f"queued {len(article_ids)} articles")
    finally:
        await queue.disconnect()


if __name__ == "__main__":
    asyncio.run(main([int(a) for a in sys.argv[1:]]))
