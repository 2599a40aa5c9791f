"""Worker process: streams the subreddit's moderation log and archives every action."""
from __future__ import annotations

import logging
import os
import time

import praw
from prawcore.exceptions import PrawcoreException
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import sessionmaker

from common import SUBREDDIT, make_engine, to_row

log = logging.getLogger("modlog.worker")


def wait_for_database(engine: Engine, attempts: int = 12) -> None:
    """The DB may still be starting when the dyno boots; poll until it answers."""
    for attempt in range(1, attempts + 1):
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            log.info("database reachable")
            return
        except OperationalError as exc:
            log.warning("database not ready (%d/%d): %s", attempt, attempts, exc)
            time.sleep(min(2 * attempt, 15))
    raise SystemExit("database never became reachable")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    engine = make_engine(pool_size=2)
    wait_for_database(engine)
    Session = sessionmaker(bind=engine)

    reddit = praw.Reddit(
        client_id=os.environ["REDDIT_CLIENT_ID"],
        client_secret=os.environ["REDDIT_CLIENT_SECRET"],
        username=os.environ["REDDIT_USERNAME"],
        password=os.environ["REDDIT_PASSWORD"],
        user_agent="modlog-archiver/1.3 by u/examplemods",
    )
    subreddit = reddit.subreddit(SUBREDDIT)

    try:
        while True:
            try:
                for entry in subreddit.mod.stream.log(skip_existing=True):
                    with Session.begin() as session:
                        session.merge(to_row(entry))
                    log.info("%s by %s", entry.action, entry.mod)
            except PrawcoreException:
                log.exception("reddit stream failed, resuming in 30s")
                time.sleep(30)
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
