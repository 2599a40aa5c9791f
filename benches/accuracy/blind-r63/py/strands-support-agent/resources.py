"""Process-wide clients shared by every ticket the agent handles."""
import os
from functools import lru_cache

import boto3
import httpx
from psycopg_pool import ConnectionPool

SUPPORT_DB_DSN = os.environ["SUPPORT_DB_DSN"]

# opened by main() once the database answers
POOL = ConnectionPool(SUPPORT_DB_DSN, min_size=1, max_size=6, open=False)

CARRIER = httpx.Client(
    base_url=os.environ.get("CARRIER_API_URL", "https://api.parcel-carrier.example.com/v2"),
    headers={"Authorization": f"Bearer {os.environ.get('CARRIER_API_KEY', '')}"},
    timeout=10.0,
)


@lru_cache(maxsize=8)
def invoices_bucket_client(region: str):
    # invoices live in the customer's data-residency region; one client per region
    return boto3.client("s3", region_name=region)


def close_all() -> None:
    CARRIER.close()
    POOL.close()
