"""DNS watch: sniffs DNS queries on the office LAN and records new domains."""
import logging
import os
import signal
import threading
import time

from pymongo import MongoClient
from pymongo.errors import PyMongoError
from redis import Redis
from scapy.all import AsyncSniffer

from watcher import DnsWatcher

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("dns-watch")


def wait_for_mongo(client: MongoClient, attempts: int = 10) -> None:
    for attempt in range(1, attempts + 1):
        try:
            client.admin.command("ping")
            return
        except PyMongoError as exc:
            log.warning("mongo not ready (%d/%d): %s", attempt, attempts, exc)
            time.sleep(3)
    raise SystemExit("mongo unreachable")


def main() -> None:
    mongo = MongoClient(
        os.environ.get("MONGO_URI", "mongodb://localhost:27017"),
        serverSelectionTimeoutMS=3000,
    )
    wait_for_mongo(mongo)
    counters = Redis(host=os.environ.get("REDIS_HOST", "localhost"), port=6379, db=4)

    watcher = DnsWatcher(
        domains=mongo["dnswatch"]["domains"],
        counters=counters,
        alert_url=os.environ.get("ALERT_WEBHOOK"),
        allow_suffixes=tuple(os.environ.get("ALLOW_SUFFIXES", ".corp.local").split(",")),
    )
    iface = os.environ.get("SNIFF_IFACE", "eth0")
    sniffer = AsyncSniffer(
        iface=iface,
        filter="udp dst port 53",
        prn=watcher.handle,
        store=False,
    )
    sniffer.start()
    log.info("sniffing DNS on %s", iface)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()

    sniffer.stop()
    counters.close()
    mongo.close()


if __name__ == "__main__":
    main()
