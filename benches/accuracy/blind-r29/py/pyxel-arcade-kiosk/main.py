"""Pyxel arcade cabinet: dodge game with a venue-wide live leaderboard."""
import json
import os
import random

import pyxel
import redis

import scores

FEED_CHANNEL = "arcade:live"
REFRESH_FRAMES = 30 * 30  # every 30 seconds at 30 fps


class Game:
    def __init__(self):
        pyxel.init(160, 120, title="Dodge!", fps=30)
        self.board = scores.top_scores()
        self.reset()
        pyxel.run(self.update, self.draw)

    def reset(self):
        self.x = 76
        self.rocks = []
        self.score = 0
        self.over = False
        self.initials = "AAA"

    def submit_score(self):
        scores.save_score(self.initials, self.score)
        feed = redis.Redis(
            host=os.environ.get("VENUE_REDIS_HOST", "venue-server"),
            port=6379,
            socket_timeout=2,
        )
        feed.publish(
            FEED_CHANNEL,
            json.dumps({"cabinet": scores.CABINET_ID, "initials": self.initials, "score": self.score}),
        )

    def update(self):
        if pyxel.frame_count % REFRESH_FRAMES == 0:
            self.board = scores.top_scores()

        if self.over:
            if pyxel.btnp(pyxel.KEY_RETURN):
                self.submit_score()
                self.board = scores.top_scores()
                self.reset()
            return

        if pyxel.btn(pyxel.KEY_LEFT):
            self.x = max(self.x - 3, 0)
        if pyxel.btn(pyxel.KEY_RIGHT):
            self.x = min(self.x + 3, pyxel.width - 8)

        if random.random() < 0.08 + self.score / 20000:
            self.rocks.append([random.randint(0, pyxel.width - 6), -6])
        for rock in self.rocks:
            rock[1] += 2 + self.score // 1000
        self.rocks = [r for r in self.rocks if r[1] < pyxel.height]

        for rx, ry in self.rocks:
            if abs(rx - self.x) < 7 and pyxel.height - 14 < ry < pyxel.height - 4:
                self.over = True
        self.score += 1

    def draw(self):
        pyxel.cls(1)
        for rx, ry in self.rocks:
            pyxel.rect(rx, ry, 6, 6, 4)
        pyxel.rect(self.x, pyxel.height - 10, 8, 6, 11)
        pyxel.text(4, 4, f"SCORE {self.score}", 7)
        if self.over:
            pyxel.text(50, 30, "GAME OVER - ENTER", 8)
            for i, (initials, value) in enumerate(self.board):
                pyxel.text(50, 44 + i * 8, f"{initials} {value:>7}", 10)


if __name__ == "__main__":
    Game()
