import os
from datetime import datetime, timezone

import redis
from mmpy_bot import Message, Plugin, listen_to

from opsbot import db

_pages = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://redis:6379/3"))


class OnCallPlugin(Plugin):
    @listen_to(r"^who is on ?call(?: for (\S+))?\??$")
    def who_is_oncall(self, message: Message, team: str | None = None):
        team = team or "platform"
        conn = db.POOL.getconn()
        cur = conn.cursor()
        cur.execute(
            "SELECT person, phone FROM oncall_shifts "
            "WHERE team = %s AND now() BETWEEN starts_at AND ends_at",
            (team,),
        )
        row = cur.fetchone()
        if row is None:
            self.driver.reply_to(message, f"Nobody is on call for `{team}` right now :grimacing:")
            return
        cur.close()
        db.POOL.putconn(conn)
        self.driver.reply_to(message, f"@{row[0]} is on call for `{team}` ({row[1]})")

    @listen_to(r"^page (\S+) (.+)$")
    def page(self, message: Message, team: str, text: str):
        _pages.xadd(
            "pages",
            {"team": team, "text": text, "by": message.sender_name, "at": datetime.now(timezone.utc).isoformat()},
        )
        self.driver.reply_to(message, f"Paged `{team}`.")
