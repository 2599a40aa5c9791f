"""Pulsar Function: enriches raw order events with catalog and pricing data.

Deployed with `pulsar-admin functions create --function-config-file function-config.yaml`.
One OrderEnricher instance lives per function instance; process() is called
for every message on the input topic.
"""
import json

from pulsar import Function
from pymongo import MongoClient

from clients import make_http, make_redis, price_cache_key


class OrderEnricher(Function):
    def __init__(self):
        self._cache = None

    def _price_cache(self, context):
        # Built lazily on the first message, then reused by this instance.
        if self._cache is None:
            self._cache = make_redis(context.get_user_config_value("redis_url"))
        return self._cache

    def process(self, input, context):
        log = context.get_logger()
        try:
            order = json.loads(input)
        except ValueError:
            log.warning("dropping non-JSON payload on %s", context.get_current_message_topic_name())
            context.publish(context.get_user_config_value("dead_letter_topic"), input)
            return None

        mongo = MongoClient(context.get_user_config_value("mongo_uri"), serverSelectionTimeoutMS=3000)
        catalog = mongo[context.get_user_config_value("catalog_db")]["products"]

        pricing = make_http(
            context.get_user_config_value("pricing_api"),
            token=context.get_secret("pricing_token"),
        )
        cache = self._price_cache(context)
        currency = order.get("currency", "EUR")

        enriched_lines = []
        for line in order.get("lines", []):
            product = catalog.find_one({"sku": line["sku"]}, {"_id": 0, "name": 1, "category": 1, "weight_g": 1})
            if product is None:
                context.incr_counter("unknown_sku", 1)
                product = {"name": None, "category": "unknown", "weight_g": 0}

            key = price_cache_key(line["sku"], currency)
            unit_price = cache.get(key)
            if unit_price is None:
                resp = pricing.get(
                    f"{pricing.base_url}/v2/prices/{line['sku']}",
                    params={"currency": currency},
                    timeout=2,
                )
                resp.raise_for_status()
                unit_price = resp.json()["unit_price"]
                cache.setex(key, 300, unit_price)

            enriched_lines.append({**line, **product, "unit_price": float(unit_price)})

        order["lines"] = enriched_lines
        order["total"] = round(sum(l["unit_price"] * l["qty"] for l in enriched_lines), 2)
        order["enriched_by"] = context.get_function_name()
        context.incr_counter("orders_enriched", 1)
        return json.dumps(order)
