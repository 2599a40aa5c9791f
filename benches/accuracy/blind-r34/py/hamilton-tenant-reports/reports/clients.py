import os

import boto3
from neo4j import GraphDatabase
from pymongo import MongoClient

_s3_by_region = {}


def make_mongo():
    return MongoClient(os.environ.get("REPORTS_MONGO_URL", "mongodb://mongo-analytics:27017"))


def make_graph():
    return GraphDatabase.driver(
        os.environ.get("REPORTS_NEO4J_URL", "neo4j://graph.internal:7687"),
        auth=(os.environ.get("NEO4J_USER", "reports"), os.environ.get("NEO4J_PASSWORD", "")),
    )


def s3_for(region):
    client = _s3_by_region.get(region)
    if client is None:
        client = boto3.client("s3", region_name=region)
        _s3_by_region[region] = client
    return client
