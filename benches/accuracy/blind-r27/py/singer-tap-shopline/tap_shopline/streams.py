"""Stream definitions for tap-shopline."""
from __future__ import annotations

import typing as t

import boto3
import psycopg
from psycopg.rows import dict_row
from singer_sdk import Stream
from singer_sdk import typing as th
from singer_sdk.authenticators import BearerTokenAuthenticator
from singer_sdk.pagination import JSONPathPaginator
from singer_sdk.streams import RESTStream

if t.TYPE_CHECKING:
    from singer_sdk.helpers.types import Context


class ShoplineStream(RESTStream):
    """Base class for the Shopline REST endpoints."""

    records_jsonpath = "$.items[*]"
    next_page_token_jsonpath = "$.pagination.next_cursor"

    @property
    def url_base(self) -> str:
        return f"{self.config['api_url']}/{self.config['shop_handle']}"

    @property
    def authenticator(self) -> BearerTokenAuthenticator:
        return BearerTokenAuthenticator.create_for_stream(self, token=self.config["api_token"])

    def get_new_paginator(self) -> JSONPathPaginator:
        return JSONPathPaginator(self.next_page_token_jsonpath)

    def get_url_params(self, context: Context | None, next_page_token: t.Any | None) -> dict:
        params: dict = {"limit": 250}
        if next_page_token:
            params["cursor"] = next_page_token
        if self.replication_key:
            start = self.get_starting_timestamp(context)
            if start:
                params["updated_after"] = start.isoformat()
        return params


class OrdersStream(ShoplineStream):
    name = "orders"
    path = "/orders"
    primary_keys = ("id",)
    replication_key = "updated_at"
    schema = th.PropertiesList(
        th.Property("id", th.StringType),
        th.Property("order_number", th.StringType),
        th.Property("customer_id", th.StringType),
        th.Property("status", th.StringType),
        th.Property("total", th.NumberType),
        th.Property("currency", th.StringType),
        th.Property("created_at", th.DateTimeType),
        th.Property("updated_at", th.DateTimeType),
    ).to_dict()

    def get_child_context(self, record: dict, context: Context | None) -> dict:
        return {"order_id": record["id"], "order_number": record["order_number"]}


class OrderLinesStream(ShoplineStream):
    name = "order_lines"
    parent_stream_type = OrdersStream
    path = "/orders/{order_id}/lines"
    primary_keys = ("id",)
    state_partitioning_keys: t.ClassVar[list[str]] = []
    schema = th.PropertiesList(
        th.Property("id", th.StringType),
        th.Property("order_id", th.StringType),
        th.Property("sku", th.StringType),
        th.Property("quantity", th.IntegerType),
        th.Property("unit_price", th.NumberType),
        th.Property("attachment_key", th.StringType),
        th.Property("attachment_url", th.StringType),
    ).to_dict()

    def post_process(self, row: dict, context: Context | None = None) -> dict | None:
        row["order_id"] = context["order_id"] if context else None
        if row.get("attachment_key"):
            s3 = boto3.client("s3", region_name=self.config["aws_region"])
            row["attachment_url"] = s3.generate_presigned_url(
                "get_object",
                Params={"Bucket": self.config["attachments_bucket"], "Key": row["attachment_key"]},
                ExpiresIn=7 * 24 * 3600,
            )
        return row


class OrderRefundsStream(Stream):
    """Refunds issued before the platform migration live in the old Postgres DB."""

    name = "order_refunds"
    parent_stream_type = OrdersStream
    primary_keys = ("refund_id",)
    state_partitioning_keys: t.ClassVar[list[str]] = []
    schema = th.PropertiesList(
        th.Property("refund_id", th.IntegerType),
        th.Property("order_id", th.StringType),
        th.Property("amount", th.NumberType),
        th.Property("reason", th.StringType),
        th.Property("refunded_at", th.DateTimeType),
    ).to_dict()

    def get_records(self, context: Context | None) -> t.Iterable[dict]:
        order_number = context["order_number"]
        with psycopg.connect(self.config["legacy_refunds_dsn"], row_factory=dict_row) as conn:
            rows = conn.execute(
                "SELECT id AS refund_id, amount, reason, refunded_at "
                "FROM refunds WHERE order_no = %s ORDER BY refunded_at",
                (order_number,),
            ).fetchall()
        for row in rows:
            row["order_id"] = context["order_id"]
            yield row


class CustomersStream(ShoplineStream):
    name = "customers"
    path = "/customers"
    primary_keys = ("id",)
    replication_key = "updated_at"
    schema = th.PropertiesList(
        th.Property("id", th.StringType),
        th.Property("email", th.StringType),
        th.Property("first_name", th.StringType),
        th.Property("last_name", th.StringType),
        th.Property("accepts_marketing", th.BooleanType),
        th.Property("updated_at", th.DateTimeType),
    ).to_dict()
