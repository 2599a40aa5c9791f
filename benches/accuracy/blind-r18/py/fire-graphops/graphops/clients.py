import os
import time

import boto3
import clickhouse_connect
from clickhouse_connect.driver.exceptions import OperationalError
from neo4j import GraphDatabase


def neo4j_driver():
    return GraphDatabase.driver(
        os.environ.get("NEO4J_URI", "neo4j://graph.internal:7687"),
        auth=(os.environ.get("NEO4J_USER", "neo4j"), os.environ["NEO4J_PASSWORD"]),
    )


def clickhouse(retries: int = 5):
    """Connect to ClickHouse, retrying while the cluster finishes a rolling restart."""
    for attempt in range(1, retries + 1):
        try:
            return clickhouse_connect.get_client(
                host=os.environ.get("CLICKHOUSE_HOST", "ch.internal"),
                username=os.environ.get("CLICKHOUSE_USER", "ops"),
                password=os.environ.get("CLICKHOUSE_PASSWORD", ""),
                database="events",
            )
        except OperationalError:
            if attempt == retries:
                raise
            time.sleep(3 * attempt)


def s3():
    return boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-central-1"))
