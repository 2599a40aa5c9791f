"""Reads score events from a Kinesis shard and writes them to Postgres."""
import asyncio
import json
import logging
import os

import aioboto3
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from common.db import make_engine, make_sessionmaker

log = logging.getLogger("score-consumer")
STREAM = os.environ.get("SCORES_STREAM", "game-scores")
SHARD_ID = os.environ.get("SHARD_ID", "shardId-000000000000")


async def wait_for_db(engine) -> None:
    for attempt in range(1, 11):
        try:
            async with engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
            return
        except OperationalError as exc:
            log.warning("db not ready (attempt %d): %s", attempt, exc)
            await asyncio.sleep(min(2 ** attempt, 30))
    raise SystemExit("database unavailable")


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    engine = make_engine()
    sessions = make_sessionmaker(engine)
    await wait_for_db(engine)

    boto = aioboto3.Session()
    async with boto.client("kinesis", region_name=os.environ.get("AWS_REGION", "eu-west-1")) as kinesis:
        it = (await kinesis.get_shard_iterator(
            StreamName=STREAM, ShardId=SHARD_ID, ShardIteratorType="LATEST"
        ))["ShardIterator"]
        try:
            while it:
                resp = await kinesis.get_records(ShardIterator=it, Limit=500)
                events = [json.loads(r["Data"]) for r in resp["Records"]]
                if events:
                    async with sessions() as session, session.begin():
                        await session.execute(
                            text("INSERT INTO scores (player_id, game, score, recorded_at) VALUES (:player, :game, :score, to_timestamp(:ts))"),
                            events,
                        )
                it = resp.get("NextShardIterator")
                if not resp["Records"]:
                    await asyncio.sleep(1)
        finally:
            await engine.dispose()


if __name__ == "__main__":
    asyncio.run(main())
