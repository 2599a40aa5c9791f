"""Arcade-floor kiosk: a spinning cabinet model, the live leaderboard and a score-entry key.

Runs full-screen on the kiosk PCs:  python kiosk/main.py
"""
import os
import sys

from direct.gui.OnscreenText import OnscreenText
from direct.showbase.ShowBase import ShowBase
from direct.task import Task
from panda3d.core import TextNode, loadPrcFileData

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from feed import fetch_leaderboard  # noqa: E402
from scores import record_play, save_score  # noqa: E402

loadPrcFileData("", "window-title Arcade Kiosk\nfullscreen #t\nsync-video #t")

CABINET = os.environ.get("CABINET_ID", "cab-01")
POLL_SECONDS = float(os.environ.get("LEADERBOARD_POLL", "5"))


class Kiosk(ShowBase):
    def __init__(self):
        ShowBase.__init__(self)
        self.disableMouse()
        self.model = self.loader.loadModel("models/cabinet.egg")
        self.model.reparentTo(self.render)
        self.camera.setPos(0, -12, 3)
        self.camera.lookAt(self.model)

        self.board = OnscreenText(text="loading...", pos=(-1.25, 0.85), scale=0.06,
                                  align=TextNode.ALeft, mayChange=True)
        self.status = OnscreenText(text="", pos=(0, -0.9), scale=0.05, mayChange=True)
        self.pending_initials = ""
        self.last_score = 0

        self.accept("escape", sys.exit)
        self.accept("enter", self.on_submit)
        self.accept("keystroke", self.on_keystroke)
        self.accept("game-over", self.on_game_over)

        self.taskMgr.add(self.spin, "spin-cabinet")
        self.taskMgr.doMethodLater(POLL_SECONDS, self.poll_leaderboard, "poll-leaderboard")

    def spin(self, task):
        self.model.setH(task.time * 20.0)
        return Task.cont

    def poll_leaderboard(self, task):
        rows = fetch_leaderboard(CABINET, limit=10)
        if rows:
            lines = [f"{i + 1:>2}. {r['initials']:<3} {r['score']:>9,}" for i, r in enumerate(rows)]
            self.board.setText("TOP SCORES\n" + "\n".join(lines))
        return Task.again

    def on_game_over(self, score: int):
        self.last_score = score
        self.pending_initials = ""
        self.status.setText(f"GAME OVER - {score:,}  enter initials")
        record_play(CABINET, score)

    def on_keystroke(self, key: str):
        if self.last_score and key.isalpha() and len(self.pending_initials) < 3:
            self.pending_initials += key.upper()
            self.status.setText(f"{self.last_score:,}  {self.pending_initials}")

    def on_submit(self):
        if not self.last_score or len(self.pending_initials) != 3:
            return
        rank = save_score(CABINET, self.pending_initials, self.last_score)
        self.status.setText(f"saved! rank #{rank}" if rank else "saved!")
        self.last_score = 0


if __name__ == "__main__":
    Kiosk().run()
