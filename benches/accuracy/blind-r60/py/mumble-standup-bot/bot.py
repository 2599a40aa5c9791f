"""Mumble bot for the daily stand-up room: tracks who joined and answers a few
chat commands (!here, !who, !skip)."""

import logging
import os
import time
from datetime import date, datetime, timezone

import pymumble_py3 as pymumble
import redis
from pymumble_py3.constants import (
    PYMUMBLE_CLBK_TEXTMESSAGERECEIVED,
    PYMUMBLE_CLBK_USERCREATED,
    PYMUMBLE_CLBK_USERREMOVED,
)
from sqlalchemy import select

from models import Attendance, SessionLocal

log = logging.getLogger("standup-bot")

HOST = os.environ.get("MUMBLE_HOST", "voice.internal")
PORT = int(os.environ.get("MUMBLE_PORT", "64738"))
NICK = os.environ.get("MUMBLE_NICK", "standup-bot")
PASSWORD = os.environ.get("MUMBLE_PASSWORD", "")
REDIS_URL = os.environ.get("REDIS_URL", "redis://redis:6379/3")
IGNORED = {NICK, "SuperUser"}


class StandupBot:
    def __init__(self) -> None:
        self.mumble = pymumble.Mumble(HOST, NICK, port=PORT, password=PASSWORD, reconnect=True)
        self.mumble.set_application_string("standup-bot")
        self.mumble.set_receive_sound(False)
        self.mumble.callbacks.set_callback(PYMUMBLE_CLBK_TEXTMESSAGERECEIVED, self.on_text)
        self.mumble.callbacks.set_callback(PYMUMBLE_CLBK_USERCREATED, self.on_join)
        self.mumble.callbacks.set_callback(PYMUMBLE_CLBK_USERREMOVED, self.on_leave)

    # one call per chat message in any channel the bot can see
    def on_text(self, message) -> None:
        text = message.message.strip()
        if not text.startswith("!"):
            return
        sender = self.mumble.users[message.actor]["name"]
        key = f"standup:{date.today().isoformat()}"
        counters = redis.Redis.from_url(REDIS_URL, decode_responses=True)

        if text == "!here":
            counters.sadd(key, sender)
            counters.expire(key, 36 * 3600)
            reply = f"{sender} checked in"
        elif text == "!skip":
            counters.srem(key, sender)
            reply = f"{sender} is skipping today"
        elif text == "!who":
            present = sorted(counters.smembers(key))
            reply = "Checked in: " + (", ".join(present) if present else "nobody yet")
        else:
            reply = "Commands: !here, !skip, !who"
        self.mumble.my_channel().send_text_message(reply)

    # one call per user connecting to the server
    def on_join(self, user) -> None:
        session = SessionLocal()
        if user["name"] in IGNORED:
            return
        channel = self.mumble.channels[user["channel_id"]]["name"]
        session.add(
            Attendance(
                user_name=user["name"],
                channel=channel,
                joined_at=datetime.now(timezone.utc),
            )
        )
        session.commit()

    # one call per user disconnecting
    def on_leave(self, user, event) -> None:
        with SessionLocal() as session:
            row = session.scalars(
                select(Attendance)
                .where(Attendance.user_name == user["name"], Attendance.left_at.is_(None))
                .order_by(Attendance.joined_at.desc())
                .limit(1)
            ).first()
            if row is not None:
                row.left_at = datetime.now(timezone.utc)
                session.commit()

    def run(self) -> None:
        self.mumble.start()
        self.mumble.is_ready()
        log.info("connected to %s:%s as %s", HOST, PORT, NICK)
        while self.mumble.is_alive():
            time.sleep(1)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    StandupBot().run()
