import getpass
import time

import httpx
import redis
from talon import Module, app

mod = Module()

USER = getpass.getuser()
WEBHOOK = "https://chat.team.example/hooks/standup/T0PS3CRET"

_redis = redis.Redis(host="nas.lan", port=6379, db=2, decode_responses=True)


def _today():
    return time.strftime("%Y-%m-%d")


@mod.action_class
class Actions:
    def standup_note(text: str):
        """Add a note to today's standup"""
        _redis.rpush(f"standup:{USER}:{_today()}", text)
        app.notify("Noted")

    def standup_post():
        """Post today's notes and timer totals to the standup channel"""
        notes = _redis.lrange(f"standup:{USER}:{_today()}", 0, -1)
        totals = {}
        for entry in _redis.lrange(f"timelog:{USER}:{_today()}", 0, -1):
            project, _, seconds = entry.rpartition(":")
            totals[project] = totals.get(project, 0) + int(seconds)
        lines = [f"*{USER}* standup {_today()}"]
        lines += [f"- {n}" for n in notes]
        lines += [f"- {p}: {s // 60} min" for p, s in sorted(totals.items())]

        client = httpx.Client(timeout=5.0, headers={"User-Agent": "talon-timelog/1.0"})
        resp = client.post(WEBHOOK, json={"text": "\n".join(lines)})
        if resp.status_code >= 300:
            app.notify(f"Standup post failed: {resp.status_code}")
            return
        _redis.delete(f"standup:{USER}:{_today()}")
        app.notify("Standup posted")
