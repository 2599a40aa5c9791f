import os
import random
import time

import pgzrun
import redis
import requests
from pgzero.builtins import Actor, clock, keys

import scores

WIDTH = 800
HEIGHT = 600
TITLE = "Whack-a-Bug"

MACHINE_ID = os.environ.get("KIOSK_ID", "kiosk-01")
LEADERBOARD_URL = os.environ.get("LEADERBOARD_URL", "https://arcade.example.com/api")

presence = redis.Redis(host=os.environ.get("REDIS_HOST", "arcade-redis.lan"), socket_timeout=2)

bug = Actor("bug", center=(WIDTH // 2, HEIGHT // 2))
state = {
    "score": 0,
    "time_left": 30.0,
    "player": "",
    "board": [],
    "shown_at": time.monotonic(),
    "submitted": False,
}


def move_bug():
    bug.pos = (random.randint(40, WIDTH - 40), random.randint(80, HEIGHT - 40))
    state["shown_at"] = time.monotonic()


def refresh_board():
    session = requests.Session()
    session.headers["X-Kiosk"] = MACHINE_ID
    resp = session.get(f"{LEADERBOARD_URL}/leaderboard", params={"limit": 5}, timeout=3)
    if resp.ok:
        state["board"] = resp.json()["entries"]
    presence.setex(f"kiosk:{MACHINE_ID}:alive", 15, 1)


def draw():
    screen.clear()
    screen.fill((20, 24, 40))
    bug.draw()
    screen.draw.text(f"Score {state['score']}", topleft=(16, 12), fontsize=36)
    screen.draw.text(f"{max(0, state['time_left']):.0f}s", topright=(WIDTH - 16, 12), fontsize=36)
    for i, entry in enumerate(state["board"]):
        screen.draw.text(
            f"{i + 1}. {entry['player']} {entry['score']}",
            topleft=(16, 60 + i * 22),
            fontsize=22,
            color="gold",
        )


def update(dt):
    if state["submitted"]:
        return
    state["time_left"] -= dt
    if state["time_left"] <= 0:
        state["submitted"] = True
        scores.submit_final(MACHINE_ID, state["player"] or "ANON", state["score"])


def on_mouse_down(pos, button):
    if state["submitted"] or not bug.collidepoint(pos):
        return
    reaction_ms = int((time.monotonic() - state["shown_at"]) * 1000)
    state["score"] += 1
    scores.log_hit(MACHINE_ID, pos[0], pos[1], reaction_ms)
    move_bug()


def on_key_down(key, unicode):
    if key == keys.RETURN and state["submitted"]:
        state.update(score=0, time_left=30.0, submitted=False)
        move_bug()
    elif unicode and unicode.isalnum() and len(state["player"]) < 8:
        state["player"] += unicode.upper()


clock.schedule_interval(refresh_board, 5.0)
clock.schedule_interval(move_bug, 1.5)

pgzrun.go()
