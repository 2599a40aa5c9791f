"""cocos2d layers: the reaction game and the live leaderboard."""
import random

from cocos.layer import ColorLayer, Layer
from cocos.text import Label
from pyglet.window import key

ROUNDS = 8


class LeaderboardLayer(Layer):
    def __init__(self, board):
        super().__init__()
        self.board = board
        self.label = Label("", position=(1000, 600), font_size=18, multiline=True, width=260)
        self.add(self.label)
        self.schedule_interval(self.refresh, 5.0)
        self.refresh(0)

    def refresh(self, dt):
        lines = [f"{i + 1}. {name}  {score}" for i, (name, score) in enumerate(self.board.top())]
        self.label.element.text = "TODAY\n" + "\n".join(lines)


class ReactionLayer(ColorLayer):
    is_event_handler = True

    def __init__(self, board, nickname="PLAYER"):
        super().__init__(20, 20, 40, 255)
        self.board = board
        self.nickname = nickname
        self.prompt = Label("Press SPACE when the screen flashes", position=(640, 360),
                            font_size=28, anchor_x="center", anchor_y="center")
        self.add(self.prompt)
        self.reset()
        self.schedule(self.tick)

    def reset(self):
        self.round = 0
        self.times = []
        self.waiting_for = random.uniform(1.0, 3.0)
        self.flash_age = None

    def tick(self, dt):
        if self.flash_age is not None:
            self.flash_age += dt
            return
        self.waiting_for -= dt
        if self.waiting_for <= 0:
            self.color = (240, 240, 80)
            self.flash_age = 0.0

    def on_key_press(self, symbol, modifiers):
        if symbol != key.SPACE or self.flash_age is None:
            return False
        self.times.append(int(self.flash_age * 1000))
        self.color = (20, 20, 40)
        self.flash_age = None
        self.round += 1
        self.waiting_for = random.uniform(1.0, 3.0)
        if self.round == ROUNDS:
            score = max(0, 10000 - sum(self.times))
            self.board.submit(self.nickname, score, self.times)
            self.prompt.element.text = f"Score {score}! SPACE to play again"
            self.reset()
        return True
