"""Per-region idempotency tables (the ledger is replicated to two regions)."""
from functools import lru_cache

import boto3
from botocore.exceptions import ClientError

TABLE_NAME = "ledger-idempotency"


@lru_cache(maxsize=8)
def idempotency_table(region: str):
    return boto3.resource("dynamodb", region_name=region).Table(TABLE_NAME)


def claim(region: str, message_id: str, ttl_epoch: int) -> bool:
    """Returns False when this message was already applied."""
    try:
        idempotency_table(region).put_item(
            Item={"pk": message_id, "expires_at": ttl_epoch},
            ConditionExpression="attribute_not_exists(pk)",
        )
        return True
    except ClientError as exc:
        if exc.response["Error"]["Code"] == "ConditionalCheckFailedException":
            return False
        raise
