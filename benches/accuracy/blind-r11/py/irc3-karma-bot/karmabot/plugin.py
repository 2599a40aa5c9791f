import re

import irc3
import redis
import requests
from irc3.plugins.command import command
from irc3.plugins.cron import cron

KARMA_RE = re.compile(r"(?P<nick>[\w\[\]`^{}|-]+)(?P<op>\+\+|--)")


@irc3.plugin
class Karma:
    """Tracks nick++ / nick-- and posts the weekly leaderboard."""

    requires = [
        "irc3.plugins.core",
        "irc3.plugins.command",
        "irc3.plugins.cron",
    ]

    def __init__(self, bot):
        # irc3 instantiates each plugin once, when the bot loads its includes.
        self.bot = bot
        conf = bot.config.get(__name__, {})
        self.store = redis.Redis.from_url(conf.get("redis_url", "redis://localhost:6379/3"), decode_responses=True)
        self.http = requests.Session()
        self.http.headers["User-Agent"] = "karmabot/2.0"
        self.webhook = conf.get("leaderboard_webhook")
        self.channel = conf.get("channel", "#general")

    @irc3.event(irc3.rfc.PRIVMSG)
    def on_message(self, mask=None, event=None, target=None, data=None, **kw):
        if not target or not target.startswith("#") or not data:
            return
        for match in KARMA_RE.finditer(data):
            nick = match.group("nick").lower()
            if nick == mask.nick.lower():
                continue
            delta = 1 if match.group("op") == "++" else -1
            self.store.zincrby(f"karma:{target}", delta, nick)

    @command(permission="view")
    def karma(self, mask, target, args):
        """Show someone's karma

            %%karma <nick>
        """
        nick = args["<nick>"].lower()
        score = self.store.zscore(f"karma:{target}", nick) or 0
        yield f"{nick} has {int(score)} karma"

    @command(permission="view")
    def top(self, mask, target, args):
        """Show the top five

            %%top
        """
        for rank, (nick, score) in enumerate(self.store.zrevrange(f"karma:{target}", 0, 4, withscores=True), 1):
            yield f"{rank}. {nick} ({int(score)})"

    @cron("0 17 * * 5")
    def weekly_leaderboard(self):
        board = self.store.zrevrange(f"karma:{self.channel}", 0, 9, withscores=True)
        if not board:
            return
        self.bot.privmsg(self.channel, "This week's karma leaders: " + ", ".join(f"{n} ({int(s)})" for n, s in board))
        if self.webhook:
            self.http.post(self.webhook, json={"channel": self.channel, "board": board}, timeout=10)
