import csv
import gzip
import io
from datetime import date, datetime, timedelta
from typing import Any, Iterable, List, Mapping, MutableMapping, Optional

import boto3
import psycopg2
import psycopg2.extras
import requests
from airbyte_cdk.models import SyncMode
from airbyte_cdk.sources.streams import Stream
from airbyte_cdk.sources.streams.http import HttpStream


def _days(start: str) -> Iterable[date]:
    day = datetime.strptime(start, "%Y-%m-%d").date()
    today = date.today()
    while day <= today:
        yield day
        day += timedelta(days=1)


class PickEvents(Stream):
    """One gzipped CSV per warehouse and day under s3://bucket/picks/YYYY/MM/DD/."""

    primary_key = "event_id"

    def __init__(self, config: Mapping[str, Any]):
        super().__init__()
        self.config = config

    def get_json_schema(self) -> Mapping[str, Any]:
        return {
            "type": "object",
            "properties": {
                "event_id": {"type": "string"},
                "warehouse": {"type": "string"},
                "picker_id": {"type": "string"},
                "sku": {"type": "string"},
                "qty": {"type": "integer"},
                "picked_at": {"type": "string", "format": "date-time"},
            },
        }

    def stream_slices(self, *, sync_mode: SyncMode, cursor_field: Optional[List[str]] = None,
                      stream_state: Optional[Mapping[str, Any]] = None) -> Iterable[Optional[Mapping[str, Any]]]:
        for day in _days(self.config["start_date"]):
            yield {"prefix": f"picks/{day:%Y/%m/%d}/"}

    def read_records(self, sync_mode: SyncMode, cursor_field: Optional[List[str]] = None,
                     stream_slice: Optional[Mapping[str, Any]] = None,
                     stream_state: Optional[Mapping[str, Any]] = None) -> Iterable[Mapping[str, Any]]:
        s3 = boto3.client("s3", region_name=self.config.get("region", "eu-central-1"))
        paginator = s3.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=self.config["bucket"], Prefix=stream_slice["prefix"]):
            for obj in page.get("Contents", []):
                body = s3.get_object(Bucket=self.config["bucket"], Key=obj["Key"])["Body"].read()
                with gzip.open(io.BytesIO(body), mode="rt", newline="") as fh:
                    for row in csv.DictReader(fh):
                        row["qty"] = int(row["qty"])
                        yield row


class Shipments(Stream):
    """Shipments from the WMS database, one slice per warehouse and month."""

    primary_key = "shipment_id"

    def __init__(self, config: Mapping[str, Any]):
        super().__init__()
        self.config = config

    def get_json_schema(self) -> Mapping[str, Any]:
        return {
            "type": "object",
            "properties": {
                "shipment_id": {"type": "integer"},
                "warehouse": {"type": "string"},
                "order_ref": {"type": "string"},
                "carrier": {"type": ["null", "string"]},
                "parcels": {"type": "integer"},
                "shipped_at": {"type": ["null", "string"], "format": "date-time"},
            },
        }

    def stream_slices(self, *, sync_mode: SyncMode, cursor_field: Optional[List[str]] = None,
                      stream_state: Optional[Mapping[str, Any]] = None) -> Iterable[Optional[Mapping[str, Any]]]:
        months = sorted({d.replace(day=1) for d in _days(self.config["start_date"])})
        for warehouse in self.config.get("warehouses", ["FRA1", "HAM2"]):
            for month in months:
                yield {"warehouse": warehouse, "month": month.isoformat()}

    def read_records(self, sync_mode: SyncMode, cursor_field: Optional[List[str]] = None,
                     stream_slice: Optional[Mapping[str, Any]] = None,
                     stream_state: Optional[Mapping[str, Any]] = None) -> Iterable[Mapping[str, Any]]:
        with psycopg2.connect(self.config["wms_dsn"], application_name="airbyte-warehouse-ops") as conn:
            with conn.cursor(name="shipments_export", cursor_factory=psycopg2.extras.RealDictCursor) as cur:
                cur.itersize = 5000
                cur.execute(
                    """
                    SELECT id AS shipment_id, warehouse, order_ref, carrier, parcels, shipped_at
                      FROM shipments
                     WHERE warehouse = %(warehouse)s
                       AND shipped_at >= %(month)s::date
                       AND shipped_at < %(month)s::date + interval '1 month'
                    """,
                    stream_slice,
                )
                for row in cur:
                    if row["shipped_at"] is not None:
                        row["shipped_at"] = row["shipped_at"].isoformat()
                    yield dict(row)


class Carriers(HttpStream):
    url_base = "https://carrier-registry.internal/api/v1/"
    primary_key = "code"

    def path(self, **kwargs) -> str:
        return "carriers"

    def request_params(self, stream_state: Optional[Mapping[str, Any]], stream_slice: Optional[Mapping[str, Any]] = None,
                       next_page_token: Optional[Mapping[str, Any]] = None) -> MutableMapping[str, Any]:
        params = {"per_page": 200}
        if next_page_token:
            params.update(next_page_token)
        return params

    def next_page_token(self, response: requests.Response) -> Optional[Mapping[str, Any]]:
        cursor = response.json().get("next_cursor")
        return {"cursor": cursor} if cursor else None

    def parse_response(self, response: requests.Response, **kwargs) -> Iterable[Mapping[str, Any]]:
        yield from response.json().get("data", [])

    def get_json_schema(self) -> Mapping[str, Any]:
        return {
            "type": "object",
            "properties": {
                "code": {"type": "string"},
                "name": {"type": "string"},
                "services": {"type": "array", "items": {"type": "string"}},
            },
        }
