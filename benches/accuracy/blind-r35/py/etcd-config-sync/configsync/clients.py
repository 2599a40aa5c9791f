import os

import httpx

MONGO_URI = os.environ.get("MONGO_URI", "mongodb://mongo-0.mongo:27017/?replicaSet=rs0")
GATEWAY_URL = os.environ.get("GATEWAY_ADMIN_URL", "http://gateway-admin:8001")
GATEWAY_TOKEN = os.environ.get("GATEWAY_ADMIN_TOKEN", "")


def make_gateway_client() -> httpx.Client:
    return httpx.Client(
        base_url=GATEWAY_URL,
        headers={"Authorization": f"Bearer {GATEWAY_TOKEN}"},
        timeout=httpx.Timeout(5.0, connect=2.0),
    )
