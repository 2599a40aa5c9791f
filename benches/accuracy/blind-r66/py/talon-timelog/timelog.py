import getpass
import time

import redis
from talon import Context, Module, actions, app, cron, settings

mod = Module()
mod.list("timelog_project", desc="Projects that can be timed by voice")
mod.setting("timelog_idle_minutes", type=int, default=20, desc="Stop the timer after this much idle time")

ctx = Context()
ctx.lists["user.timelog_project"] = {
    "billing": "BILL",
    "onboarding": "ONB",
    "support": "SUP",
    "platform": "PLAT",
    "hiring": "HR",
}

USER = getpass.getuser()
r = redis.Redis.from_url("redis://nas.lan:6379/2", decode_responses=True)


def _current():
    return r.hgetall(f"timelog:{USER}:current")


@mod.action_class
class Actions:
    def timelog_start(project: str):
        """Start timing a project (stops the running one first)"""
        actions.user.timelog_stop()
        r.hset(f"timelog:{USER}:current", mapping={"project": project, "since": int(time.time())})
        app.notify(f"Timer started: {project}")

    def timelog_stop():
        """Stop the running timer and append the span to today's log"""
        cur = _current()
        if not cur:
            return
        span = int(time.time()) - int(cur["since"])
        r.rpush(f"timelog:{USER}:{time.strftime('%Y-%m-%d')}", f"{cur['project']}:{span}")
        r.delete(f"timelog:{USER}:current")
        app.notify(f"Stopped {cur['project']} after {span // 60} min")

    def timelog_status():
        """Say which project is being timed"""
        cur = _current()
        app.notify(f"On {cur['project']}" if cur else "No timer running")


def _stop_if_idle():
    cur = _current()
    limit = settings.get("user.timelog_idle_minutes") * 60
    if cur and time.time() - int(cur["since"]) > limit and not r.exists(f"timelog:{USER}:active"):
        actions.user.timelog_stop()


cron.interval("5m", _stop_if_idle)
