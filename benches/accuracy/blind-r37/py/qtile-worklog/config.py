# ~/.config/qtile/config.py
import os
import subprocess

import redis
import requests
from libqtile import bar, hook, layout, widget
from libqtile.config import Group, Key, Screen
from libqtile.lazy import lazy

import worklog

mod = "mod4"
terminal = "alacritty"
CLASSIFIER_URL = os.environ.get("WORKLOG_CLASSIFIER_URL", "http://classifier.lan:8080/classify")
REDIS_HOST = os.environ.get("WORKLOG_REDIS_HOST", "redis.lan")


def tag_focused(qtile, tag):
    win = qtile.current_window
    if win is None:
        return
    wm_class = (win.get_wm_class() or ["unknown"])[0]
    worklog.record_tag(wm_class, tag)


def show_summary(qtile):
    top = worklog.today_minutes()
    body = "\n".join(f"{cls}: {n}" for cls, n in top) or "nothing yet"
    subprocess.Popen(["notify-send", "Worklog today", body])


keys = [
    Key([mod], "Return", lazy.spawn(terminal)),
    Key([mod], "q", lazy.window.kill()),
    Key([mod], "j", lazy.layout.down()),
    Key([mod], "k", lazy.layout.up()),
    Key([mod, "shift"], "r", lazy.reload_config()),
    Key([mod], "F9", lazy.function(tag_focused, "deep-work")),
    Key([mod], "F10", lazy.function(tag_focused, "meeting")),
    Key([mod], "F12", lazy.function(show_summary)),
]

groups = [Group(name) for name in "123456"]
for g in groups:
    keys.append(Key([mod], g.name, lazy.group[g.name].toscreen()))
    keys.append(Key([mod, "shift"], g.name, lazy.window.togroup(g.name)))

layouts = [layout.MonadTall(margin=6), layout.Max()]

screens = [
    Screen(
        top=bar.Bar(
            [widget.GroupBox(), widget.WindowName(), widget.Clock(format="%H:%M")],
            24,
        )
    )
]


@hook.subscribe.startup_once
def autostart():
    subprocess.Popen(["nm-applet"])


@hook.subscribe.client_new
def classify_new_window(client):
    wm_class = (client.get_wm_class() or ["unknown"])[0]
    http = requests.Session()
    http.headers["User-Agent"] = "qtile-worklog/1.0"
    try:
        resp = http.post(CLASSIFIER_URL, json={"wm_class": wm_class, "title": client.name}, timeout=2)
        if resp.ok and resp.json().get("category") == "chat":
            client.togroup("6")
    except requests.RequestException:
        pass


@hook.subscribe.client_focus
def focus_changed(client):
    wm_class = (client.get_wm_class() or ["unknown"])[0]
    counters = redis.Redis(host=REDIS_HOST, port=6379, db=3, socket_timeout=1)
    counters.zincrby("worklog:focus:today", 1, wm_class)
    group_name = client.group.name if client.group else ""
    worklog.record_focus(wm_class, client.name or "", group_name)
