"""WeChat customer assistant for the shop account (itchat).

    python bot.py      # scan the QR code once; hotReload keeps the login
"""
import logging
import os
import re

import itchat
import redis
import requests
from itchat.content import PICTURE, TEXT

from orders import describe, find_order

log = logging.getLogger("assistant")

REDIS_HOST = os.environ.get("REDIS_HOST", "127.0.0.1")
TRACKING_API = os.environ.get("TRACKING_API", "https://api.kuaidi.example.com/v2")
TRACKING_KEY = os.environ.get("TRACKING_KEY", "")
MAX_LOOKUPS_PER_HOUR = 20

ORDER_RE = re.compile(r"^(?:order|订单)\s*#?\s*([A-Z0-9]{8,16})$", re.IGNORECASE)
TRACK_RE = re.compile(r"^(?:track|物流)\s+([A-Za-z0-9]{8,20})$", re.IGNORECASE)

# one keep-alive session for the courier API, shared by all handlers
tracking = requests.Session()
tracking.headers.update({"Authorization": f"Bearer {TRACKING_KEY}"})

HELP = "Send 'order <number>' to check an order, or 'track <tracking no>'."


def latest_tracking_event(tracking_no: str) -> str:
    resp = tracking.get(f"{TRACKING_API}/tracks/{tracking_no}", timeout=5)
    if resp.status_code == 404:
        return "No tracking information yet."
    resp.raise_for_status()
    events = resp.json().get("events", [])
    if not events:
        return "No tracking information yet."
    last = events[0]
    return f"{last['time']}  {last['location']}  {last['description']}"


@itchat.msg_register(TEXT)
def on_text(msg):
    text = msg.text.strip()
    remark = msg.user.RemarkName or msg.user.NickName

    limiter = redis.Redis(host=REDIS_HOST, port=6379, db=4, socket_timeout=2)
    key = f"lookups:{msg['FromUserName']}"
    count = limiter.incr(key)
    if count == 1:
        limiter.expire(key, 3600)
    if count > MAX_LOOKUPS_PER_HOUR:
        return "You have reached the lookup limit, please try again later."

    m = ORDER_RE.match(text)
    if m:
        order = find_order(m.group(1).upper(), remark)
        if order is None:
            return "I could not find that order on your account."
        return describe(order)

    m = TRACK_RE.match(text)
    if m:
        return latest_tracking_event(m.group(1))

    return HELP


@itchat.msg_register(TEXT, isGroupChat=True)
def on_group_text(msg):
    # only answer in groups when someone @-mentions the shop account
    if not msg.isAt:
        return None
    m = TRACK_RE.search(msg.text)
    if m:
        return latest_tracking_event(m.group(1))
    return HELP


@itchat.msg_register(PICTURE)
def on_picture(msg):
    log.info("picture from %s, forwarding to staff", msg.user.NickName)
    return "Thanks! A member of staff will look at your picture shortly."


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    itchat.auto_login(hotReload=True, enableCmdQR=2)
    itchat.run()
