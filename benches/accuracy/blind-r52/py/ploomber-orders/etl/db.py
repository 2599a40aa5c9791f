"""Client factory referenced from pipeline.yaml (clients: section).

Ploomber calls get_client() lazily, once per DAG build, caches the returned
client on the DAG and calls client.close() when the build ends. Tasks never
call this function themselves.
"""
import os

from ploomber.clients import SQLAlchemyClient

DEFAULT_URL = "postgresql+psycopg2://etl@warehouse.internal:5432/shop"


def get_client():
    return SQLAlchemyClient(
        os.environ.get("WAREHOUSE_URL", DEFAULT_URL),
        create_engine_kwargs={"pool_pre_ping": True},
    )


def describe_target():
    """Printed by `ploomber status` wrappers in the Makefile."""
    url = os.environ.get("WAREHOUSE_URL", DEFAULT_URL)
    return url.rsplit("@", 1)[-1]


if __name__ == "__main__":
    # Manual connectivity check for on-call: python -m etl.db
    client = get_client()
    try:
        print(client.execute("SELECT version()"))
    finally:
        client.close()
