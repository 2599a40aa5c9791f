"""Waiting-room check-in kiosk. Patients type their booking code and press Enter."""
import os

import pymysql
import pyglet
from pymemcache.client.base import Client as MemcacheClient
from pyglet.window import key

import api

window = pyglet.window.Window(1024, 600, caption="Check-in", fullscreen=bool(os.environ.get("KIOSK_FULLSCREEN")))
batch = pyglet.graphics.Batch()
prompt = pyglet.text.Label("Type your booking code and press Enter", x=40, y=520, font_size=28, batch=batch)
entry = pyglet.text.Label("", x=40, y=440, font_size=40, batch=batch)
queue_label = pyglet.text.Label("", x=40, y=120, font_size=22, batch=batch)
notice_label = pyglet.text.Label("", x=40, y=60, font_size=16, batch=batch)

typed: list[str] = []


def db_params() -> dict:
    return {
        "host": os.environ.get("CLINIC_DB_HOST", "db.clinic.local"),
        "user": "kiosk",
        "password": os.environ["CLINIC_DB_PASSWORD"],
        "database": "clinic",
    }


@window.event
def on_draw():
    window.clear()
    batch.draw()


@window.event
def on_text(text):
    if text.isalnum() and len(typed) < 8:
        typed.append(text.upper())
        entry.text = "".join(typed)


@window.event
def on_key_press(symbol, modifiers):
    if symbol == key.BACKSPACE and typed:
        typed.pop()
        entry.text = "".join(typed)
    elif symbol == key.ENTER:
        check_in("".join(typed))
        typed.clear()
        entry.text = ""
    elif symbol == key.F5:
        http = api.make_session()
        http.post(f"{api.FRONTDESK_URL}/api/assist", json={"kiosk": os.uname().nodename}, timeout=5)
        prompt.text = "A member of staff is on the way."


def check_in(code: str) -> None:
    conn = pymysql.connect(**db_params())
    try:
        with conn.cursor() as cur:
            updated = cur.execute(
                "UPDATE appointments SET checked_in_at = NOW() WHERE booking_code = %s AND checked_in_at IS NULL",
                (code,),
            )
        conn.commit()
    finally:
        conn.close()
    prompt.text = "Thank you, please take a seat." if updated else "Code not found, please ask at the desk."


def refresh_queue(dt):
    cache = MemcacheClient(("memcached.clinic.local", 11211), connect_timeout=1, timeout=1)
    waiting = cache.get("queue:waiting")
    queue_label.text = f"Patients waiting: {int(waiting or 0)}"


def refresh_notices(dt):
    resp = api.notices.get(f"{api.FRONTDESK_URL}/api/notices/current", timeout=5)
    if resp.ok:
        notice_label.text = resp.json().get("text", "")


if __name__ == "__main__":
    pyglet.clock.schedule_interval(refresh_queue, 3.0)
    pyglet.clock.schedule_interval(refresh_notices, 600.0)
    refresh_notices(0)
    pyglet.app.run()
