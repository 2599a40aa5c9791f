import os
import threading

import httpx

_client: httpx.Client | None = None
_lock = threading.Lock()


def pricing_client() -> httpx.Client:
    """Process-wide client for the pricing service, created on first use."""
    global _client
    if _client is None:
        with _lock:
            if _client is None:
                _client = httpx.Client(base_url=os.environ.get("PRICING_URL", "http://pricing:8080"), timeout=5.0)
    return _client
