"""Process-wide Weaviate client, created lazily on first use and closed at exit."""
import atexit
import threading

import weaviate

from mailman_searcharchive.settings import WEAVIATE_HOST

_lock = threading.Lock()
_client = None


def get_client():
    global _client
    if _client is None:
        with _lock:
            if _client is None:
                _client = weaviate.connect_to_custom(
                    http_host=WEAVIATE_HOST, http_port=8080, http_secure=False,
                    grpc_host=WEAVIATE_HOST, grpc_port=50051, grpc_secure=False,
                )
                atexit.register(_client.close)
    return _client
