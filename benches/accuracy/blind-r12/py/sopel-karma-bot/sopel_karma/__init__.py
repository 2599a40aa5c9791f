"""Karma tracking, quote search and feed announcements."""
from __future__ import annotations

import threading

import redis
import requests
from opensearchpy import OpenSearch
from sopel import plugin
from sopel.config import types

_search_lock = threading.Lock()


class KarmaSection(types.StaticSection):
    redis_url = types.ValidatedAttribute("redis_url", default="redis://localhost:6379/3")
    feed_url = types.ValidatedAttribute("feed_url", default="https://status.example.org/incidents.json")
    announce_channel = types.ValidatedAttribute("announce_channel", default="#ops")
    # "#chan=https://host:9200" pairs: each community keeps its quotes in its own cluster
    quote_clusters = types.ListAttribute("quote_clusters")


def configure(config):
    config.define_section("karma", KarmaSection)
    config.karma.configure_setting("redis_url", "Redis URL for karma counters")


def setup(bot):
    bot.config.define_section("karma", KarmaSection)
    bot.memory["karma_redis"] = redis.Redis.from_url(bot.config.karma.redis_url, decode_responses=True)
    http = requests.Session()
    http.headers["User-Agent"] = "sopel-karma/0.5"
    bot.memory["karma_http"] = http
    bot.memory["karma_search"] = {}


def shutdown(bot):
    for client in bot.memory.get("karma_search", {}).values():
        client.close()
    bot.memory["karma_http"].close()
    bot.memory["karma_redis"].close()


def _cluster_for(bot, channel: str) -> str | None:
    for pair in bot.config.karma.quote_clusters or []:
        chan, _, url = pair.partition("=")
        if chan.lower() == channel.lower():
            return url
    return None


def _search_client(bot, url: str) -> OpenSearch:
    """One client per community cluster, created on first use and reused."""
    clients = bot.memory["karma_search"]
    with _search_lock:
        client = clients.get(url)
        if client is None:
            client = OpenSearch(hosts=[url], timeout=5, max_retries=2)
            clients[url] = client
    return client


@plugin.rule(r"^(?P<nick>[\w\[\]\\`^{}|-]+)(?P<op>\+\+|--)$")
@plugin.require_chanmsg
def adjust(bot, trigger):
    nick = trigger.group("nick")
    if nick.lower() == trigger.nick.lower():
        bot.reply("Nice try.")
        return
    delta = 1 if trigger.group("op") == "++" else -1
    score = bot.memory["karma_redis"].hincrby(f"karma:{trigger.sender}", nick.lower(), delta)
    bot.say(f"{nick} now has {score} karma")


@plugin.command("karma")
@plugin.example(".karma alice")
def karma(bot, trigger):
    nick = (trigger.group(2) or trigger.nick).strip()
    score = bot.memory["karma_redis"].hget(f"karma:{trigger.sender}", nick.lower()) or 0
    bot.say(f"{nick}: {score}")


@plugin.command("quote")
@plugin.require_chanmsg
def quote(bot, trigger):
    url = _cluster_for(bot, str(trigger.sender))
    if url is None:
        bot.reply("No quote archive configured for this channel.")
        return
    term = (trigger.group(2) or "").strip()
    res = _search_client(bot, url).search(
        index="quotes",
        body={"size": 1, "query": {"match": {"text": term}} if term else {"function_score": {"random_score": {}}}},
    )
    hits = res["hits"]["hits"]
    bot.say(hits[0]["_source"]["text"] if hits else "No matching quote.")


@plugin.interval(300)
def announce_incidents(bot):
    resp = bot.memory["karma_http"].get(bot.config.karma.feed_url, timeout=10)
    if resp.status_code != 200:
        return
    seen = bot.memory["karma_redis"]
    for incident in resp.json().get("incidents", []):
        if seen.sadd("karma:announced", incident["id"]):
            bot.say(f"[status] {incident['title']} ({incident['status']})", bot.config.karma.announce_channel)
