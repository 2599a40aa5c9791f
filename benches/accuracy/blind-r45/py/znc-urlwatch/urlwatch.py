"""ZNC modpython module: resolve and archive URLs posted in channels."""
import os
import re
from html import unescape

import psycopg
import redis
import requests
import znc

import linkstore

URL_RE = re.compile(r"https?://[^\s<>\"']+")
TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
REDIS_URL = os.environ.get("URLWATCH_REDIS", "redis://cache.internal:6379/3")


class activity_flush(znc.Timer):
    def RunJob(self):
        mod = self.GetModule()
        pipe = mod.redis.pipeline()
        for chan, count in mod.counters.items():
            pipe.hincrby("irc:activity", chan, count)
        pipe.execute()
        mod.counters.clear()


class urlwatch(znc.Module):
    description = "Resolve URL titles and archive links to Postgres"
    module_types = [znc.CModInfo.NetworkModule]

    def OnLoad(self, args, message):
        self.counters = {}
        self.redis = redis.Redis.from_url(REDIS_URL, socket_timeout=2)
        self.CreateTimer(activity_flush, interval=300, cycles=0,
                         description="flush channel activity counters")
        return True

    def OnChanMsg(self, nick, channel, message):
        text = message.s
        chan = channel.GetName()
        self.counters[chan] = self.counters.get(chan, 0) + 1

        if text.strip() == "!links":
            self._show_links(chan)
            return znc.CONTINUE

        for url in URL_RE.findall(text)[:3]:
            title = self._fetch_title(url)
            linkstore.log_link(self.GetNetwork().GetName(), chan,
                               nick.GetNick(), url, title)
            if title:
                self.PutIRC("PRIVMSG {} :[ {} ]".format(chan, title[:200]))
        return znc.CONTINUE

    def _fetch_title(self, url):
        with requests.Session() as http:
            http.headers["User-Agent"] = "znc-urlwatch/1.2"
            try:
                resp = http.get(url, timeout=5, stream=True)
                chunk = resp.raw.read(65536, decode_content=True)
            except requests.RequestException:
                return None
        match = TITLE_RE.search(chunk.decode("utf-8", "replace"))
        return unescape(match.group(1).strip()) if match else None

    def _show_links(self, chan):
        with psycopg.connect(linkstore.DSN, connect_timeout=5) as conn:
            rows = linkstore.recent_links(conn, chan)
        for nick, url, title in rows:
            self.PutIRC("PRIVMSG {} :{} — {} ({})".format(chan, url, title or "?", nick))

    def OnShutdown(self):
        self.redis.close()
