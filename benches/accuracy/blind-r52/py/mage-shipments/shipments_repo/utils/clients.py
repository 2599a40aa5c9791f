"""Shared clients for pipeline blocks.

Blocks are executed in the long-running Mage scheduler process, so clients
are cached for the life of that process instead of built per run.
"""
import os
from functools import lru_cache

import boto3
from botocore.config import Config


@lru_cache(maxsize=1)
def s3_client():
    return boto3.client(
        's3',
        region_name=os.getenv('AWS_REGION', 'eu-west-1'),
        config=Config(retries={'max_attempts': 5, 'mode': 'standard'}),
    )


def archive_prefix(table: str) -> str:
    return f"{table}/"


def describe() -> dict:
    """Used by the ops notebook to print which endpoints the blocks talk to."""
    return {
        'region': os.getenv('AWS_REGION', 'eu-west-1'),
        'bucket': os.getenv('ARCHIVE_BUCKET', 'logistics-raw-archive'),
    }
