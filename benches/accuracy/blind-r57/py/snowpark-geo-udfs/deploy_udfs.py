"""One-off deployment: register the geo UDFs and the shipment UDTF.

    python deploy_udfs.py --connection analytics_deploy
"""
import argparse
import sys

from snowflake.snowpark import Session
from snowflake.snowpark.types import (
    IntegerType,
    StringType,
    StructField,
    StructType,
    TimestampType,
)

from geo_handlers.address import country_name, normalize_address, postcode_of
from geo_handlers.shipments import ShipmentTimeline

STAGE = "@analytics.udf.udf_stage"
PACKAGES = ["requests", "boto3", "snowflake-snowpark-python"]


def register_all(session):
    session.add_import("geo_handlers")
    common = dict(
        is_permanent=True,
        stage_location=STAGE,
        packages=PACKAGES,
        replace=True,
    )
    session.udf.register(
        normalize_address,
        name="analytics.udf.normalize_address",
        input_types=[StringType(), StringType()],
        return_type=StringType(),
        external_access_integrations=["geo_api_access"],
        secrets={"geo_api_key": "analytics.udf.geo_api_key"},
        **common,
    )
    session.udf.register(
        postcode_of,
        name="analytics.udf.postcode_of",
        input_types=[StringType()],
        return_type=StringType(),
        **common,
    )
    session.udf.register(
        country_name,
        name="analytics.udf.country_name",
        input_types=[StringType()],
        return_type=StringType(),
        external_access_integrations=["geo_api_access"],
        secrets={"geo_api_key": "analytics.udf.geo_api_key"},
        **common,
    )
    session.udtf.register(
        ShipmentTimeline,
        output_schema=StructType([
            StructField("shipment_id", StringType()),
            StructField("seq", IntegerType()),
            StructField("status", StringType()),
            StructField("facility", StringType()),
            StructField("scanned_at", TimestampType()),
            StructField("dwell_minutes", IntegerType()),
        ]),
        input_types=[StringType(), StringType(), StringType()],
        name="analytics.udf.shipment_timeline",
        external_access_integrations=["carrier_scans_s3_access"],
        secrets={"carrier_scans_aws": "analytics.udf.carrier_scans_aws"},
        **common,
    )


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--connection", default="analytics_deploy")
    parser.add_argument("--smoke-test", action="store_true")
    args = parser.parse_args(argv)

    session = Session.builder.config("connection_name", args.connection).create()
    try:
        register_all(session)
        if args.smoke_test:
            rows = session.sql(
                "select analytics.udf.postcode_of('1 Main St, Springfield 62704')"
            ).collect()
            print(rows[0][0])
    finally:
        session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
