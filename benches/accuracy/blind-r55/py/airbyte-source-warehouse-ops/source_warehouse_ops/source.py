import logging
import sys
from typing import Any, List, Mapping, Optional, Tuple

import boto3
import psycopg2
from airbyte_cdk.entrypoint import launch
from airbyte_cdk.models import ConnectorSpecification
from airbyte_cdk.sources import AbstractSource
from airbyte_cdk.sources.streams import Stream
from airbyte_cdk.sources.streams.http.requests_native_auth import TokenAuthenticator

from source_warehouse_ops.streams import Carriers, PickEvents, Shipments

SPEC = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "title": "Warehouse Ops Source Spec",
    "type": "object",
    "required": ["bucket", "wms_dsn", "carrier_api_token", "start_date"],
    "properties": {
        "bucket": {"type": "string", "title": "S3 bucket with pick-event exports"},
        "region": {"type": "string", "default": "eu-central-1"},
        "wms_dsn": {"type": "string", "airbyte_secret": True, "title": "WMS Postgres DSN"},
        "warehouses": {"type": "array", "items": {"type": "string"}, "default": ["FRA1", "HAM2"]},
        "carrier_api_token": {"type": "string", "airbyte_secret": True},
        "start_date": {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
    },
}


class SourceWarehouseOps(AbstractSource):
    def spec(self, logger: logging.Logger) -> ConnectorSpecification:
        return ConnectorSpecification(
            documentationUrl="https://wiki.internal/data/airbyte/warehouse-ops",
            connectionSpecification=SPEC,
        )

    def check_connection(self, logger: logging.Logger, config: Mapping[str, Any]) -> Tuple[bool, Optional[Any]]:
        # `check` runs as its own short-lived connector process
        s3 = boto3.client("s3", region_name=config.get("region", "eu-central-1"))
        try:
            s3.head_bucket(Bucket=config["bucket"])
        except Exception as exc:  # noqa: BLE001 - surfaced to the Airbyte UI
            return False, f"Cannot access bucket {config['bucket']}: {exc}"
        finally:
            s3.close()

        conn = None
        try:
            conn = psycopg2.connect(config["wms_dsn"], connect_timeout=10)
            with conn.cursor() as cur:
                cur.execute("SELECT 1 FROM shipments LIMIT 1")
        except psycopg2.Error as exc:
            return False, f"Cannot query WMS database: {exc}"
        finally:
            if conn is not None:
                conn.close()
        return True, None

    def streams(self, config: Mapping[str, Any]) -> List[Stream]:
        auth = TokenAuthenticator(token=config["carrier_api_token"])
        return [
            PickEvents(config),
            Shipments(config),
            Carriers(authenticator=auth),
        ]


def run():
    source = SourceWarehouseOps()
    launch(source, sys.argv[1:])


if __name__ == "__main__":
    run()
