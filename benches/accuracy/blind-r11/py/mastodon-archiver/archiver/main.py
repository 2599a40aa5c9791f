import logging
import os

import redis
from mastodon import Mastodon

from .listener import ArchiveListener


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    api = Mastodon(
        access_token=os.environ["MASTODON_TOKEN"],
        api_base_url=os.environ.get("MASTODON_BASE_URL", "https://mastodon.social"),
        ratelimit_method="pace",
    )
    counters = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    listener = ArchiveListener(counters)
    api.stream_hashtag(
        os.environ.get("ARCHIVE_TAG", "fediarchive"),
        listener,
        run_async=False,
    )


if __name__ == "__main__":
    main()
