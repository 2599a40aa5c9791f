import os
import threading

import httpx

_storage_api: httpx.Client | None = None
_storage_lock = threading.Lock()


def storage_api() -> httpx.Client:
    global _storage_api
    with _storage_lock:
        if _storage_api is None:
            _storage_api = httpx.Client(
                base_url=os.environ.get("STORAGE_API", "http://storage-api.lab:8000"),
                timeout=15.0,
            )
        return _storage_api


def pre_spawn_hook(spawner):
    username = spawner.user.name
    resp = storage_api().put(f"/v1/homes/{username}", json={"quota_gb": 50})
    resp.raise_for_status()
    spawner.environment["HOME_VOLUME"] = resp.json()["volume"]
