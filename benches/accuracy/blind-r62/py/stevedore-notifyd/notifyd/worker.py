"""notifyd main loop (systemd unit notifyd.service, 2 instances).

Producers LPUSH JSON messages such as
  {"channel": "sms", "to": "+4915112345678", "format": "plain",
   "title": "Order shipped", "body": "..."}
onto notify:high / notify:default; this loop pops and delivers them one by one.
"""
import json
import logging

import redis
from stevedore import driver, extension

from notifyd.settings import QUEUES, REDIS_URL, SETTINGS

log = logging.getLogger("notifyd")


def deliver(msg, formatters):
    channel = driver.DriverManager(
        namespace="notifyd.channels",
        name=msg["channel"],
        invoke_on_load=True,
        invoke_kwds={"settings": SETTINGS},
    )
    body = formatters[msg.get("format", "plain")].obj.render(msg)
    channel.driver.send(msg["to"], body)


def main():
    logging.basicConfig(level=logging.INFO)
    queue = redis.Redis.from_url(REDIS_URL, decode_responses=True)
    formatters = extension.ExtensionManager(namespace="notifyd.formatters", invoke_on_load=True)
    log.info("formatters loaded: %s", ", ".join(formatters.names()))

    while True:
        item = queue.blpop(QUEUES, timeout=30)
        if item is None:
            continue
        _, raw = item
        try:
            msg = json.loads(raw)
            deliver(msg, formatters)
        except Exception:
            log.exception("delivery failed, parking message")
            queue.rpush("notify:dead", raw)


if __name__ == "__main__":
    main()
