import logging
import os
import time

from neo4j import GraphDatabase
from pymongo import MongoClient
from pymongo.errors import ConnectionFailure

log = logging.getLogger(__name__)


def connect_mongo(attempts=5):
    """Builds one client for this CLI invocation; retries until the server answers."""
    url = os.environ.get("OPS_MONGO_URL", "mongodb://mongo.ops.lan:27017")
    client = MongoClient(url, serverSelectionTimeoutMS=3000, appname="opsctl")
    for attempt in range(1, attempts + 1):
        try:
            client.admin.command("ping")
            return client
        except ConnectionFailure as exc:
            log.warning("mongo ping failed (%d/%d): %s", attempt, attempts, exc)
            time.sleep(attempt)
    client.close()
    raise SystemExit("mongo unreachable")


def neo4j_driver():
    return GraphDatabase.driver(
        os.environ.get("OPS_NEO4J_URI", "neo4j://graph.ops.lan:7687"),
        auth=(os.environ.get("OPS_NEO4J_USER", "neo4j"), os.environ["OPS_NEO4J_PASSWORD"]),
    )
