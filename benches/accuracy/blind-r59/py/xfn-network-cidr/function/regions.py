"""Availability-zone lookups, one EC2 client per AWS region (cached)."""
import threading

import boto3

ALLOWED_REGIONS = frozenset({"eu-west-1", "eu-central-1", "us-east-1", "us-west-2"})


class AzLookup:
    def __init__(self):
        self._clients = {}
        self._zones = {}
        self._lock = threading.Lock()

    def _ec2(self, region: str):
        if region not in ALLOWED_REGIONS:
            raise ValueError(f"region {region} is not enabled for XNetwork")
        with self._lock:
            client = self._clients.get(region)
            if client is None:
                client = boto3.client("ec2", region_name=region)
                self._clients[region] = client
            return client

    def zones(self, region: str, count: int) -> list[str]:
        cached = self._zones.get(region)
        if cached is None:
            resp = self._ec2(region).describe_availability_zones(
                Filters=[{"Name": "state", "Values": ["available"]},
                         {"Name": "zone-type", "Values": ["availability-zone"]}]
            )
            cached = sorted(z["ZoneName"] for z in resp["AvailabilityZones"])
            self._zones[region] = cached
        return cached[:count]
