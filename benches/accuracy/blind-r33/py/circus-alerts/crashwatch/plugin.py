"""Circus plugin: records every worker exit/reap and pings Slack on crash loops.

circusd starts the plugin in its own process; handle_recv is invoked for every
message published on the circus pub/sub endpoint (spawn, reap, exit, stop...).
"""
import time
from collections import defaultdict, deque

from circus import logger
from circus.plugins import CircusPlugin

from crashwatch.notify import notify_slack
from crashwatch.store import record_exit


class CrashWatch(CircusPlugin):
    name = "crashwatch"

    def __init__(self, *args, **config):
        super().__init__(*args, **config)
        self.aerospike_host = config.get("aerospike_host", "127.0.0.1")
        self.namespace = config.get("aerospike_namespace", "ops")
        self.webhook = config.get("slack_webhook")
        self.window = int(config.get("flap_window", 300))
        self.recent = defaultdict(lambda: deque(maxlen=20))

    def handle_init(self):
        logger.info("crashwatch listening on %s", self.pubsub_endpoint)

    def handle_recv(self, data):
        watcher, action, msg = self.split_data(data)
        if action not in ("reap", "exit"):
            return
        info = self.load_message(msg)
        now = time.time()
        record_exit(
            self.aerospike_host,
            self.namespace,
            watcher,
            {
                "pid": int(info.get("process_pid", 0)),
                "exit_code": info.get("exit_code"),
                "signal": info.get("term_signal"),
                "ts": int(now),
            },
        )

        hits = self.recent[watcher]
        hits.append(now)
        in_window = [t for t in hits if now - t <= self.window]
        if len(in_window) >= 5 and self.webhook:
            notify_slack(
                self.webhook,
                f":rotating_light: `{watcher}` exited {len(in_window)} times in {self.window}s",
            )
            hits.clear()

    def handle_stop(self):
        logger.info("crashwatch stopping")
