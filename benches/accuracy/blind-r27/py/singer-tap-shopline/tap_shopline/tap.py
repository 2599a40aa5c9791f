"""Shopline tap class."""
from __future__ import annotations

from singer_sdk import Tap
from singer_sdk import typing as th

from tap_shopline.streams import (
    CustomersStream,
    OrderLinesStream,
    OrderRefundsStream,
    OrdersStream,
)

STREAM_TYPES = [OrdersStream, OrderLinesStream, OrderRefundsStream, CustomersStream]


class TapShopline(Tap):
    """Singer tap for Shopline."""

    name = "tap-shopline"

    config_jsonschema = th.PropertiesList(
        th.Property("api_token", th.StringType, required=True, secret=True),
        th.Property("shop_handle", th.StringType, required=True),
        th.Property("start_date", th.DateTimeType, description="Earliest record date to sync"),
        th.Property(
            "api_url",
            th.StringType,
            default="https://open.shopline.io/v1",
        ),
        th.Property(
            "legacy_refunds_dsn",
            th.StringType,
            required=True,
            secret=True,
            description="Postgres DSN of the pre-migration refunds database",
        ),
        th.Property("attachments_bucket", th.StringType, required=True),
        th.Property("aws_region", th.StringType, default="eu-west-1"),
    ).to_dict()

    def discover_streams(self):
        return [stream_class(tap=self) for stream_class in STREAM_TYPES]


if __name__ == "__main__":
    TapShopline.cli()
