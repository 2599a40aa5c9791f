"""Kiosk entry point: one process, one Redis client for the whole session."""
import logging
import os

from cocos.director import director
from cocos.scene import Scene

from layers import LeaderboardLayer, ReactionLayer
from scores import ScoreBoard
from shared import make_redis

log = logging.getLogger("booth.game")


def main():
    logging.basicConfig(level=logging.INFO)
    redis_client = make_redis()
    board = ScoreBoard(redis_client, booth_id=os.environ.get("BOOTH_ID", "hall-b-12"))

    director.init(width=1280, height=720, caption="Reaction Booth",
                  fullscreen=os.environ.get("BOOTH_FULLSCREEN") == "1")
    scene = Scene()
    scene.add(ReactionLayer(board, nickname=os.environ.get("BOOTH_DEFAULT_NICK", "GUEST")), z=0)
    scene.add(LeaderboardLayer(board), z=1)
    try:
        director.run(scene)
    finally:
        log.info("game exiting with %d scores still pending sync", board.pending())
        redis_client.close()


if __name__ == "__main__":
    main()
