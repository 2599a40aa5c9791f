"""Cowrie output plugin: store events in MongoDB and push downloads to a Redis queue.

Enabled via [output_acme] in cowrie.cfg. Cowrie creates this Output once at
start-up, calls start() once, write() for every event of every session, and
stop() on shutdown.
"""
from __future__ import annotations

import json
import time

import pymongo
import redis
from pymongo.errors import ConnectionFailure
from twisted.python import log

import cowrie.core.output
from cowrie.core.config import CowrieConfig
from cowrie.output import acme_abuse


class Output(cowrie.core.output.Output):
    def start(self) -> None:
        mongo_url = CowrieConfig.get("output_acme", "mongo_url")
        self.sensor = CowrieConfig.get("output_acme", "sensor", fallback="unknown")

        for attempt in range(1, 6):
            self.mongo = pymongo.MongoClient(mongo_url, serverSelectionTimeoutMS=3000, maxPoolSize=10)
            try:
                self.mongo.admin.command("ping")
                break
            except ConnectionFailure as err:
                log.msg(f"output_acme: mongo not ready ({err}), attempt {attempt}/5")
                self.mongo.close()
                time.sleep(2 * attempt)
        else:
            raise RuntimeError("output_acme: MongoDB unreachable at start-up")

        db = self.mongo[CowrieConfig.get("output_acme", "database", fallback="honeypot")]
        self.events = db["events"]
        self.sessions = db["sessions"]
        self.queue = redis.Redis.from_url(CowrieConfig.get("output_acme", "redis_url"))

    def stop(self) -> None:
        self.queue.close()
        self.mongo.close()
        acme_abuse.close()

    def write(self, event: dict) -> None:
        doc = {k: v for k, v in event.items() if not k.startswith("log_")}
        doc["sensor"] = self.sensor
        self.events.insert_one(doc)

        eventid = event["eventid"]
        if eventid == "cowrie.session.connect":
            self.sessions.insert_one(
                {
                    "session": event["session"],
                    "src_ip": event["src_ip"],
                    "starttime": event["timestamp"],
                    "abuse_score": acme_abuse.abuse_score(event["src_ip"]),
                    "sensor": self.sensor,
                }
            )
        elif eventid == "cowrie.session.closed":
            self.sessions.update_one(
                {"session": event["session"]},
                {"$set": {"endtime": event["timestamp"], "duration": event.get("duration")}},
            )
        elif eventid == "cowrie.session.file_download" and event.get("shasum"):
            self.queue.lpush(
                "sandbox:submissions",
                json.dumps({"sha256": event["shasum"], "url": event.get("url"), "sensor": self.sensor}),
            )
