"""One-off: rebuild the best_scores materialisation after the 2024-06 incident.

    python -m scripts.backfill_best_scores --game tetris
"""
import argparse
import asyncio

from sqlalchemy import text

from common.db import make_engine


async def run(game: str | None) -> None:
    engine = make_engine(pool_size=1)
    try:
        async with engine.begin() as conn:
            await conn.execute(text("DELETE FROM best_scores WHERE (:g)::text IS NULL OR game = :g"), {"g": game})
            result = await conn.execute(
                text(
                    "INSERT INTO best_scores (player_id, game, best) "
                    "SELECT player_id, game, max(score) FROM scores "
                    "WHERE (:g)::text IS NULL OR game = :g GROUP BY player_id, game"
                ),
                {"g": game},
            )
            print(f"rebuilt {result.rowcount} rows")
    finally:
        await engine.dispose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--game")
    asyncio.run(run(parser.parse_args().game))
