"""Sync sink on |x|^2 samples: publishes an alert when the band gets noisy."""
import json
import os
import time

import numpy as np
import redis
from gnuradio import gr

REDIS_HOST = os.environ.get("ADSB_REDIS_HOST", "localhost")


class power_monitor(gr.sync_block):
    def __init__(self, threshold_db=-20.0, holdoff_s=10.0):
        gr.sync_block.__init__(self, name="power_monitor", in_sig=[np.float32], out_sig=None)
        self.threshold_db = threshold_db
        self.holdoff_s = holdoff_s
        self.last_alert = 0.0

    def work(self, input_items, output_items):
        samples = input_items[0]
        power_db = 10.0 * np.log10(np.mean(samples) + 1e-12)
        now = time.monotonic()
        if power_db > self.threshold_db and now - self.last_alert > self.holdoff_s:
            self.last_alert = now
            bus = redis.Redis(host=REDIS_HOST, port=6379, db=0)
            bus.publish("rf:alerts", json.dumps({"power_db": round(float(power_db), 1), "ts": time.time()}))
        return len(samples)
