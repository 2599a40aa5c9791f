###
# Copyright (c) 2024, Platform Team
# All rights reserved.
###

import os
import re
from datetime import datetime, timezone

import redis
import requests
from pymongo import MongoClient
from supybot import callbacks, ircmsgs
from supybot.commands import wrap

from . import store

TICKET_RE = re.compile(r"\b([A-Z][A-Z0-9]{1,9}-\d{1,6})\b")

# Audit trail of who ran what in which channel.
audit_client = MongoClient(os.environ.get("DEPLOYS_MONGO_URI", "mongodb://localhost:27017"))
audit = audit_client["deploys"]["channel_audit"]


class Deploys(callbacks.Plugin):
    """Record deploys, hand out deploy locks and expand Jira keys."""

    threaded = True

    def __init__(self, irc):
        self.__parent = super(Deploys, self)
        self.__parent.__init__(irc)

    def die(self):
        self.__parent.die()

    def _audit(self, msg, command, **extra):
        audit.insert_one(
            {
                "nick": msg.nick,
                "channel": msg.channel,
                "command": command,
                "at": datetime.now(timezone.utc),
                **extra,
            }
        )

    def doPrivmsg(self, irc, msg):
        if ircmsgs.isCtcp(msg) and not ircmsgs.isAction(msg):
            return
        channel = msg.channel
        if not channel or not self.registryValue("expandTickets", channel, irc.network):
            return
        keys = list(dict.fromkeys(TICKET_RE.findall(msg.args[1])))[:3]
        if not keys:
            return
        base = self.registryValue("jiraBase").rstrip("/")
        with requests.Session() as http:
            http.headers["Authorization"] = f"Bearer {self.registryValue('jiraToken')}"
            for key in keys:
                resp = http.get(
                    f"{base}/rest/api/2/issue/{key}",
                    params={"fields": "summary,status"},
                    timeout=5,
                )
                if resp.status_code != 200:
                    continue
                fields = resp.json()["fields"]
                irc.reply(
                    f"{key}: {fields['summary']} [{fields['status']['name']}] {base}/browse/{key}",
                    prefixNick=False,
                )

    def deployed(self, irc, msg, args, service, version, env):
        """<service> <version> <env>

        Records that <version> of <service> was deployed to <env>."""
        store.record_deploy(service, version, env, msg.nick)
        self._audit(msg, "deployed", service=service, version=version, env=env)
        irc.replySuccess(f"{service} {version} -> {env}")

    deployed = wrap(deployed, ["something", "something", "something"])

    def lock(self, irc, msg, args, env):
        """<env>

        Takes the deploy lock for <env>."""
        r = redis.Redis.from_url(self.registryValue("redisUrl"), decode_responses=True)
        ttl = self.registryValue("lockMinutes") * 60
        if r.set(f"deploy-lock:{env}", msg.nick, nx=True, ex=ttl):
            self._audit(msg, "lock", env=env)
            irc.replySuccess(f"{env} is yours for {ttl // 60} minutes")
        else:
            holder = r.get(f"deploy-lock:{env}")
            irc.error(f"{env} is locked by {holder}")

    lock = wrap(lock, ["something"])

    def history(self, irc, msg, args, service):
        """<service>

        Shows the last deploys of <service>."""
        rows = store.recent(service)
        if not rows:
            irc.reply(f"no deploys recorded for {service}")
            return
        irc.replies(
            [f"{r['version']} -> {r['env']} by {r['actor']} at {r['at']:%Y-%m-%d %H:%M}" for r in rows],
            oneToOne=False,
        )

    history = wrap(history, ["something"])

    def whatson(self, irc, msg, args, env):
        """<env>

        Shows the last deploy to <env>."""
        row = store.last_for_env(env)
        if row is None:
            irc.reply(f"nothing deployed to {env} yet")
        else:
            irc.reply(f"{env}: {row['service']} {row['version']} ({row['actor']})")

    whatson = wrap(whatson, ["something"])


Class = Deploys
