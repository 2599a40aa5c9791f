"""UDTF handler that expands a shipment into its carrier scan timeline.

Used as:
    SELECT t.* FROM shipments s,
      TABLE(SHIPMENT_TIMELINE(s.shipment_id, s.carrier, s.tracking_no)
            OVER (PARTITION BY s.carrier)) t;
"""
import json
from datetime import datetime, timezone

import boto3

SCAN_BUCKET = "acme-carrier-scans"
SCAN_REGION = "us-east-1"


def _aws_credentials():
    import _snowflake  # only importable inside the Snowflake Python runtime

    cred = _snowflake.get_username_password("carrier_scans_aws")
    return cred.username, cred.password


def _parse_ts(value):
    ts = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=timezone.utc)
    return ts


class ShipmentTimeline:
    def __init__(self):
        self._rows_seen = 0
        self._missing = 0

    def process(self, shipment_id: str, carrier: str, tracking_no: str):
        self._rows_seen += 1
        if not tracking_no:
            self._missing += 1
            return

        key_id, secret = _aws_credentials()
        s3 = boto3.client(
            "s3",
            region_name=SCAN_REGION,
            aws_access_key_id=key_id,
            aws_secret_access_key=secret,
        )
        key = "{}/{}.json".format(carrier.lower(), tracking_no)
        try:
            obj = s3.get_object(Bucket=SCAN_BUCKET, Key=key)
        except s3.exceptions.NoSuchKey:
            self._missing += 1
            return

        scans = json.loads(obj["Body"].read())
        previous = None
        for seq, scan in enumerate(sorted(scans, key=lambda s: s["ts"])):
            ts = _parse_ts(scan["ts"])
            dwell = None
            if previous is not None:
                dwell = int((ts - previous).total_seconds() // 60)
            previous = ts
            yield (shipment_id, seq, scan.get("status", "UNKNOWN"),
                   scan.get("facility"), ts, dwell)

    def end_partition(self):
        if self._rows_seen and self._missing:
            yield (None, -1, "MISSING_SCANS", None, None, self._missing)
