"""Inventory API query runner.

Queries are JSON documents, e.g.
    {"endpoint": "stock", "params": {"warehouse": "AMS1"}, "fields": ["sku", "on_hand"]}

Registered through REDASH_ADDITIONAL_QUERY_RUNNERS=redash_inventory.runner.
Redash's rq workers call run_query() for every query execution and refresh.
"""
import json
import logging

import httpx
from redash.query_runner import (
    TYPE_FLOAT,
    TYPE_INTEGER,
    TYPE_STRING,
    BaseQueryRunner,
    register,
)
from redash.utils import json_dumps

from redash_inventory import cache

logger = logging.getLogger(__name__)

_PY_TO_REDASH = {int: TYPE_INTEGER, float: TYPE_FLOAT}


class InventoryApi(BaseQueryRunner):
    should_annotate_query = False
    noop_query = '{"endpoint": "health"}'

    @classmethod
    def name(cls):
        return "Inventory API"

    @classmethod
    def type(cls):
        return "inventory_api"

    @classmethod
    def configuration_schema(cls):
        return {
            "type": "object",
            "properties": {
                "base_url": {"type": "string", "title": "Base URL"},
                "token": {"type": "string", "title": "API token"},
                "timeout": {"type": "number", "title": "Timeout (s)", "default": 30},
            },
            "required": ["base_url", "token"],
            "secret": ["token"],
        }

    def _columns(self, rows, fields):
        columns = []
        for field in fields:
            sample = next((r.get(field) for r in rows if r.get(field) is not None), None)
            columns.append({
                "name": field,
                "friendly_name": field,
                "type": _PY_TO_REDASH.get(type(sample), TYPE_STRING),
            })
        return columns

    def run_query(self, query, user):
        try:
            doc = json.loads(query)
        except ValueError as exc:
            return None, "Query must be JSON: %s" % exc

        base_url = self.configuration["base_url"].rstrip("/")
        redis_client = cache.get_cache()
        key = cache.cache_key(base_url, doc)
        payload = cache.load(redis_client, key)

        if payload is None:
            client = httpx.Client(
                base_url=base_url,
                headers={"Authorization": "Token " + self.configuration["token"]},
                timeout=self.configuration.get("timeout", 30),
            )
            resp = client.get("/" + doc["endpoint"], params=doc.get("params", {}))
            if resp.status_code != 200:
                return None, "Inventory API returned %s: %s" % (resp.status_code, resp.text[:200])
            payload = resp.json()
            cache.store(redis_client, key, payload)

        rows = payload.get("items", [])
        fields = doc.get("fields") or (sorted(rows[0].keys()) if rows else [])
        rows = [{f: r.get(f) for f in fields} for r in rows]
        data = {"columns": self._columns(rows, fields), "rows": rows}
        return json_dumps(data), None

    def get_schema(self, get_stats=False):
        return [
            {"name": "stock", "columns": ["sku", "warehouse", "on_hand", "reserved"]},
            {"name": "movements", "columns": ["sku", "from", "to", "qty", "moved_at"]},
            {"name": "warehouses", "columns": ["code", "city", "capacity"]},
        ]


register(InventoryApi)
