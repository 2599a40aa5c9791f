import threading

import boto3

# lines report the region of the Firehose stream they belong to; only these exist
ALLOWED_REGIONS = frozenset({"eu-central-1", "eu-west-1", "us-east-1"})


class FirehoseClients:
    """One boto3 Firehose client per region, created on first use and then reused."""

    def __init__(self):
        self._lock = threading.Lock()
        self._clients = {}

    def get(self, region):
        if region not in ALLOWED_REGIONS:
            raise ValueError(f"unexpected region {region!r}")
        with self._lock:
            client = self._clients.get(region)
            if client is None:
                client = boto3.client("firehose", region_name=region)
                self._clients[region] = client
            return client
