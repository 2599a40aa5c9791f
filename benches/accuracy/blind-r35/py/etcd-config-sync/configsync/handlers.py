import json
import logging

import pymongo
from etcd3.events import DeleteEvent, PutEvent

from . import audit, store
from .clients import MONGO_URI, make_gateway_client

log = logging.getLogger(__name__)


def _apply_flag(name: str, value: dict | None) -> None:
    client = pymongo.MongoClient(MONGO_URI, appname="flag-sync")
    overrides = client["edge_config"]["flag_overrides"]
    if value is None:
        overrides.delete_one({"_id": name})
    else:
        overrides.replace_one({"_id": name}, {"_id": name, **value}, upsert=True)


def _apply_route(name: str, value: dict | None) -> None:
    gateway = make_gateway_client()
    if value is None:
        gateway.delete(f"/routes/{name}")
        return
    resp = gateway.put(f"/routes/{name}", json=value)
    resp.raise_for_status()


def _apply_quota(name: str, value: dict | None) -> None:
    if value is None:
        store.quotas.delete_one({"_id": name})
    else:
        store.quotas.update_one({"_id": name}, {"$set": value}, upsert=True)


HANDLERS = {
    "flags": _apply_flag,
    "routes": _apply_route,
    "quotas": _apply_quota,
}


def on_watch_response(response) -> None:
    if isinstance(response, Exception):
        log.error("watch failed: %s", response)
        return
    for event in response.events:
        key = event.key.decode()
        parts = key.split("/", 3)
        if len(parts) != 4:
            continue
        section, name = parts[2], parts[3]
        handler = HANDLERS.get(section)
        if handler is None:
            log.debug("ignoring %s", key)
            continue
        if isinstance(event, PutEvent):
            handler(name, json.loads(event.value))
            audit.record(key, "put", event.value)
        elif isinstance(event, DeleteEvent):
            handler(name, None)
            audit.record(key, "delete", None)
