"""One pooled httpx.Client per helpdesk account.

The plugin process is shared by every workspace that installed the plugin;
each workspace brings its own base URL and API key, so clients are cached per
(base_url, key) pair instead of per call.
"""

import hashlib
import threading

import httpx

_clients: dict[tuple[str, str], httpx.Client] = {}
_lock = threading.Lock()


def client_for(base_url: str, api_key: str) -> httpx.Client:
    key = (base_url.rstrip("/"), hashlib.sha256(api_key.encode()).hexdigest())
    with _lock:
        client = _clients.get(key)
        if client is None:
            client = httpx.Client(
                base_url=key[0],
                headers={"Authorization": f"Bearer {api_key}", "Accept": "application/json"},
                timeout=httpx.Timeout(15.0, connect=5.0),
                limits=httpx.Limits(max_connections=10, max_keepalive_connections=5),
            )
            _clients[key] = client
        return client
