"""IRC karma/weather bot (jaraco/irc).

    python bot.py irc.libera.chat '#ops-chat' karmabot
"""
import re
import sys

import irc.bot
import redis

import karma
from clients import WEATHER_API, geocode, get_http

KARMA_RE = re.compile(r"(\S+?)(\+\+|--)")


class KarmaBot(irc.bot.SingleServerIRCBot):
    def __init__(self, channel, nickname, server, port=6667):
        super().__init__([(server, port)], nickname, nickname)
        self.channel = channel

    def on_nicknameinuse(self, c, e):
        c.nick(c.get_nickname() + "_")

    def on_welcome(self, c, e):
        c.join(self.channel)

    def on_pubmsg(self, c, e):
        """Runs for every message posted in the channel."""
        text = e.arguments[0]
        sender = e.source.nick

        seen = redis.Redis(host="cache.lan", port=6379, db=4, decode_responses=True)
        seen.hset("lastseen", sender.lower(), e.target)

        if text.startswith("!top"):
            board = karma.top(e.target)
            c.privmsg(e.target, " | ".join(f"{n}: {s}" for n, s in board) or "no karma yet")
            return

        if text.startswith("!weather "):
            place = text.split(" ", 1)[1].strip()
            http = get_http()
            coords = geocode(http, place)
            if coords is None:
                c.privmsg(e.target, f"{sender}: no idea where {place} is")
                return
            resp = http.get(
                WEATHER_API,
                params={"latitude": coords[0], "longitude": coords[1], "current_weather": "true"},
                timeout=5,
            )
            cw = resp.json()["current_weather"]
            c.privmsg(e.target, f"{place}: {cw['temperature']}°C, wind {cw['windspeed']} km/h")
            return

        for nick, op in KARMA_RE.findall(text):
            if nick.lower() == sender.lower():
                continue
            score = karma.bump(e.target, nick, 1 if op == "++" else -1)
            c.privmsg(e.target, f"{nick} now has {score} karma")


def main():
    if len(sys.argv) != 4:
        print("usage: bot.py <server[:port]> <channel> <nickname>")
        sys.exit(1)
    server, _, port = sys.argv[1].partition(":")
    KarmaBot(sys.argv[2], sys.argv[3], server, int(port or 6667)).start()


if __name__ == "__main__":
    main()
