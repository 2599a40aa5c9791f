import json
import os

import redis
import requests
from pyflink.datastream import KeyedProcessFunction, MapFunction, RuntimeContext
from pyflink.datastream.state import ValueStateDescriptor
from pyflink.common import Types
from requests.adapters import HTTPAdapter


class AttachCustomerProfile(MapFunction):
    """map() runs once per payment; the Redis client lives as long as the subtask."""

    def open(self, runtime_context: RuntimeContext):
        self.profiles = redis.Redis(
            host=os.environ.get("PROFILE_REDIS_HOST", "profiles-redis"),
            port=6379,
            db=0,
            decode_responses=True,
            socket_timeout=1,
        )

    def map(self, value):
        payment = json.loads(value)
        profile = self.profiles.hgetall(f"customer:{payment['customer_id']}")
        payment["risk_tier"] = profile.get("risk_tier", "unknown")
        payment["home_country"] = profile.get("country")
        return json.dumps(payment)

    def close(self):
        self.profiles.close()


class ScoreWithModel(KeyedProcessFunction):
    """Keyed by card; calls the scoring service for every payment on that card."""

    def open(self, runtime_context: RuntimeContext):
        self.last_country = runtime_context.get_state(
            ValueStateDescriptor("last_country", Types.STRING())
        )
        self.http = requests.Session()
        self.http.mount("http://", HTTPAdapter(pool_connections=1, pool_maxsize=4, max_retries=1))
        self.scoring_url = os.environ.get("SCORING_URL", "http://fraud-model:8080/v1/score")

    def process_element(self, value, ctx: "KeyedProcessFunction.Context"):
        payment = json.loads(value)
        previous = self.last_country.value()
        payment["country_changed"] = previous is not None and previous != payment["country"]
        self.last_country.update(payment["country"])

        resp = self.http.post(self.scoring_url, json=payment, timeout=0.5)
        resp.raise_for_status()
        payment["score"] = resp.json()["score"]
        if payment["score"] >= 0.8:
            yield json.dumps(payment)

    def close(self):
        self.http.close()
