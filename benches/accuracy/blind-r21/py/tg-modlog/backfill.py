"""One-off: import the full moderation log history (reddit keeps ~3 months).

Usage: python backfill.py [--limit N]
"""
from __future__ import annotations

import argparse
import logging
import os

import praw
from sqlalchemy.orm import Session

from common import SUBREDDIT, Base, make_engine, to_row

log = logging.getLogger("modlog.backfill")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="max entries (default: all)")
    parser.add_argument("--create-tables", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    engine = make_engine(pool_size=1)
    try:
        if args.create_tables:
            Base.metadata.create_all(engine)
        reddit = praw.Reddit(
            client_id=os.environ["REDDIT_CLIENT_ID"],
            client_secret=os.environ["REDDIT_CLIENT_SECRET"],
            username=os.environ["REDDIT_USERNAME"],
            password=os.environ["REDDIT_PASSWORD"],
            user_agent="modlog-archiver-backfill/1.3 by u/examplemods",
        )
        imported = 0
        with Session(engine) as session:
            for entry in reddit.subreddit(SUBREDDIT).mod.log(limit=args.limit):
                session.merge(to_row(entry))
                imported += 1
                if imported % 500 == 0:
                    session.commit()
                    log.info("imported %d entries", imported)
            session.commit()
        log.info("done: %d entries", imported)
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
