"""Client construction for the tagger. Everything here is called from
Predictor.setup(), which Cog runs once when the container boots."""
import os
import threading

import boto3
import httpx
from botocore.config import Config
from pymongo import MongoClient

_S3_CONFIG = Config(retries={"max_attempts": 5, "mode": "adaptive"}, max_pool_connections=20)


def make_mongo() -> MongoClient:
    return MongoClient(
        os.environ["CATALOG_MONGO_URL"],
        appname="product-tagger",
        maxPoolSize=8,
        serverSelectionTimeoutMS=5000,
    )


def make_http() -> httpx.Client:
    return httpx.Client(
        base_url=os.environ.get("CATALOG_API_URL", "https://catalog.internal"),
        headers={"Authorization": f"Bearer {os.environ['CATALOG_API_TOKEN']}"},
        timeout=httpx.Timeout(10.0, connect=3.0),
    )


class RegionalS3:
    """One S3 client per AWS region, created on first use and then reused.

    Merchants' image buckets live in a handful of regions, so the map stays small.
    """

    def __init__(self) -> None:
        self._session = boto3.session.Session()
        self._clients: dict[str, object] = {}
        self._lock = threading.Lock()

    def for_region(self, region: str):
        with self._lock:
            client = self._clients.get(region)
            if client is None:
                client = self._session.client("s3", region_name=region, config=_S3_CONFIG)
                self._clients[region] = client
            return client
